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
