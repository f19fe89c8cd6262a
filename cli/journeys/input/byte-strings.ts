/**
 * Turns byte ranges into strings without decoding the same bytes twice: low-cardinality fields
 * (activity, channel, type) repeat millions of times, and returning the same string object also
 * makes the later Map lookups cheap (its hash is cached on the string).
 */
const SIZE = 1 << 14;
const MASK = SIZE - 1;
const MAX_LENGTH = 96;
const decoder = new TextDecoder();

export function decode(bytes: Uint8Array, start: number, end: number): string {
	// Plain ASCII is by far the most common; building it directly avoids TextDecoder's overhead.
	if (end - start <= 32) {
		let ascii = true;
		for (let i = start; i < end; i++) {
			if (bytes[i] > 127) {
				ascii = false;
				break;
			}
		}
		if (ascii)
			return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
	}
	return decoder.decode(bytes.subarray(start, end));
}

export class ByteStringCache {
	private readonly keys: (Uint8Array | undefined)[] = new Array(SIZE);
	private readonly values: string[] = new Array(SIZE);
	private used = 0;

	get(bytes: Uint8Array, start: number, end: number): string {
		const length = end - start;
		if (length > MAX_LENGTH) return decode(bytes, start, end);
		let hash = 2166136261;
		for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 16777619);
		let slot = (hash >>> 0) & MASK;
		for (;;) {
			const key = this.keys[slot];
			if (key === undefined) break;
			if (key.length === length && equalBytes(key, bytes, start)) return this.values[slot];
			slot = (slot + 1) & MASK;
		}
		const value = decode(bytes, start, end);
		// Stop filling at half capacity so probing stays short; high-cardinality fields just decode.
		if (this.used < SIZE >> 1) {
			this.keys[slot] = bytes.slice(start, end);
			this.values[slot] = value;
			this.used++;
		}
		return value;
	}
}

function equalBytes(key: Uint8Array, bytes: Uint8Array, start: number): boolean {
	for (let i = 0; i < key.length; i++) if (key[i] !== bytes[start + i]) return false;
	return true;
}

/** Byte strings by dense index, kept in one arena until they are needed as text. */
export class ByteList {
	private arena = new Uint8Array(1 << 16);
	private used = 0;
	private bounds = new Int32Array(1 << 12);

	/** Stores bytes[start, end) as item `index`; items are added in order 0, 1, 2… */
	add(index: number, bytes: Uint8Array, start: number, end: number): void {
		const length = end - start;
		if (this.used + length > this.arena.length) {
			const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
			bigger.set(this.arena.subarray(0, this.used));
			this.arena = bigger;
		}
		if (index + 2 > this.bounds.length) {
			const bigger = new Int32Array(this.bounds.length * 2);
			bigger.set(this.bounds);
			this.bounds = bigger;
		}
		// A loop, not set(subarray): ids are short and a view per id is garbage to collect.
		const arena = this.arena;
		for (let i = start, j = this.used; i < end; i++, j++) arena[j] = bytes[i];
		this.used += length;
		this.bounds[index + 1] = this.used;
	}

	get(index: number): string {
		return decode(this.arena, this.bounds[index], this.bounds[index + 1]);
	}

	/** The arena and the bounds of items 0…count−1 (item i is arena[bounds[i], bounds[i+1])). */
	contents(count: number): { arena: Uint8Array; bounds: Int32Array } {
		return { arena: this.arena.subarray(0, this.used), bounds: this.bounds.subarray(0, count + 1) };
	}
}
