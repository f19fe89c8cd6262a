/**
 * An open-addressing hash table keyed by byte ranges, so the CSV reader can find a case or an
 * activity without first decoding its bytes into a string. Keys are copied into one arena.
 */
export class ByteKeyTable {
	private mask: number;
	private hashes: Int32Array;
	private values: Int32Array;
	private offsets: Int32Array;
	private lengths: Int32Array;
	private arena = new Uint8Array(1 << 16);
	private arenaUsed = 0;
	private count = 0;

	constructor(initialCapacity = 1 << 12) {
		this.mask = initialCapacity - 1;
		this.hashes = new Int32Array(initialCapacity);
		this.values = new Int32Array(initialCapacity).fill(-1);
		this.offsets = new Int32Array(initialCapacity);
		this.lengths = new Int32Array(initialCapacity);
	}

	/** The value stored for bytes[start, end), or −1. */
	get(bytes: Uint8Array, start: number, end: number): number {
		const hash = hashBytes(bytes, start, end);
		const length = end - start;
		const { values, hashes, lengths, offsets, arena, mask } = this;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const value = values[slot];
			if (value < 0) return -1;
			if (hashes[slot] === hash && lengths[slot] === length) {
				const offset = offsets[slot];
				let i = 0;
				while (i < length && arena[offset + i] === bytes[start + i]) i++;
				if (i === length) return value;
			}
		}
	}

	/** Stores a value for a key that is not in the table yet. */
	set(bytes: Uint8Array, start: number, end: number, value: number): void {
		if ((this.count + 1) * 2 > this.mask + 1) this.grow();
		const length = end - start;
		if (this.arenaUsed + length > this.arena.length) {
			const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
			bigger.set(this.arena.subarray(0, this.arenaUsed));
			this.arena = bigger;
		}
		this.arena.set(bytes.subarray(start, end), this.arenaUsed);
		this.place(hashBytes(bytes, start, end), this.arenaUsed, length, value);
		this.arenaUsed += length;
		this.count++;
	}

	private place(hash: number, offset: number, length: number, value: number): void {
		let slot = hash & this.mask;
		while (this.values[slot] >= 0) slot = (slot + 1) & this.mask;
		this.hashes[slot] = hash;
		this.values[slot] = value;
		this.offsets[slot] = offset;
		this.lengths[slot] = length;
	}

	private grow(): void {
		const { hashes, values, offsets, lengths } = this;
		const capacity = (this.mask + 1) * 2;
		this.mask = capacity - 1;
		this.hashes = new Int32Array(capacity);
		this.values = new Int32Array(capacity).fill(-1);
		this.offsets = new Int32Array(capacity);
		this.lengths = new Int32Array(capacity);
		for (let slot = 0; slot < values.length; slot++) {
			if (values[slot] >= 0) this.place(hashes[slot], offsets[slot], lengths[slot], values[slot]);
		}
	}
}

/** FNV-1a, finished with a multiply so short keys spread over the low bits. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
	let hash = 2166136261;
	for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 16777619);
	return Math.imul(hash ^ (hash >>> 15), 2246822507) & 0x7fffffff;
}
