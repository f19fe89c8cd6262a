/**
 * An open-addressing hash table keyed by byte ranges, so the CSV reader can find a case or an
 * activity without first decoding its bytes into a string. A log with many cases makes this
 * table large and every lookup a cache miss, so each entry keeps hash, value, length and the
 * first 16 key bytes together in 32 bytes: one miss per lookup for typical ids. Longer keys
 * keep the rest in an arena.
 */
const STRIDE = 8;
const HASH = 0;
const VALUE = 1;
const LENGTH = 2;
const OFFSET = 3;
const INLINE = 4;
const INLINE_BYTES = 16;

export class ByteKeyTable {
	private mask: number;
	/** STRIDE words per slot; VALUE holds value + 1, so a fresh (zeroed) array is all empty. */
	private entries: Int32Array;
	private arena = new Uint8Array(1 << 12);
	private arenaUsed = 0;
	private count = 0;
	/** The probed key's first 16 bytes as four little-endian words (set by `hash`). */
	private readonly words = new Int32Array(4);

	constructor(initialCapacity = 1 << 12) {
		this.mask = initialCapacity - 1;
		this.entries = new Int32Array(initialCapacity * STRIDE);
	}

	/** The value stored for bytes[start, end), or −1. */
	get(bytes: Uint8Array, start: number, end: number): number {
		const hash = this.hash(bytes, start, end);
		const length = end - start;
		const { entries, mask, words } = this;
		const w0 = words[0];
		const w1 = words[1];
		const w2 = words[2];
		const w3 = words[3];
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const at = slot * STRIDE;
			const value = entries[at + VALUE] - 1;
			if (value < 0) return -1;
			if (
				entries[at + HASH] === hash &&
				entries[at + LENGTH] === length &&
				entries[at + INLINE] === w0 &&
				entries[at + INLINE + 1] === w1 &&
				entries[at + INLINE + 2] === w2 &&
				entries[at + INLINE + 3] === w3 &&
				(length <= INLINE_BYTES || this.restEquals(entries[at + OFFSET], bytes, start, end))
			)
				return value;
		}
	}

	/** Stores a value for a key that is not in the table yet. */
	set(bytes: Uint8Array, start: number, end: number, value: number): void {
		if ((this.count + 1) * 2 > this.mask + 1) this.grow();
		const hash = this.hash(bytes, start, end);
		const length = end - start;
		let offset = 0;
		if (length > INLINE_BYTES) {
			const rest = length - INLINE_BYTES;
			if (this.arenaUsed + rest > this.arena.length) {
				const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + rest));
				bigger.set(this.arena.subarray(0, this.arenaUsed));
				this.arena = bigger;
			}
			this.arena.set(bytes.subarray(start + INLINE_BYTES, end), this.arenaUsed);
			offset = this.arenaUsed;
			this.arenaUsed += rest;
		}
		const at = this.freeSlot(this.entries, hash) * STRIDE;
		const { entries, words } = this;
		entries[at + HASH] = hash;
		entries[at + VALUE] = value + 1;
		entries[at + LENGTH] = length;
		entries[at + OFFSET] = offset;
		entries.set(words, at + INLINE);
		this.count++;
	}

	/** FNV-1a over the key, finished with a multiply; also packs the first 16 bytes into `words`. */
	private hash(bytes: Uint8Array, start: number, end: number): number {
		const words = this.words;
		words[0] = words[1] = words[2] = words[3] = 0;
		let hash = 2166136261;
		for (let i = start; i < end; i++) {
			const byte = bytes[i];
			hash = Math.imul(hash ^ byte, 16777619);
			const k = i - start;
			if (k < INLINE_BYTES) words[k >> 2] |= byte << ((k & 3) << 3);
		}
		return Math.imul(hash ^ (hash >>> 15), 2246822507) & 0x7fffffff;
	}

	private restEquals(offset: number, bytes: Uint8Array, start: number, end: number): boolean {
		const arena = this.arena;
		for (let i = start + INLINE_BYTES, j = offset; i < end; i++, j++) {
			if (arena[j] !== bytes[i]) return false;
		}
		return true;
	}

	private freeSlot(entries: Int32Array, hash: number): number {
		let slot = hash & this.mask;
		while (entries[slot * STRIDE + VALUE] !== 0) slot = (slot + 1) & this.mask;
		return slot;
	}

	private grow(): void {
		const old = this.entries;
		const capacity = (this.mask + 1) * 2;
		this.mask = capacity - 1;
		this.entries = new Int32Array(capacity * STRIDE);
		for (let at = 0; at < old.length; at += STRIDE) {
			if (old[at + VALUE] === 0) continue;
			const to = this.freeSlot(this.entries, old[at + HASH]) * STRIDE;
			// A loop, not set(subarray): a view per entry would be garbage by the hundred thousand.
			for (let k = 0; k < STRIDE; k++) this.entries[to + k] = old[at + k];
		}
	}
}
