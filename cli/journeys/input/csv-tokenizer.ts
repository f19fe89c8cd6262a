/**
 * A fast RFC 4180 tokenizer over streamed byte chunks. It records the byte ranges of the wanted
 * columns only and skips the rest of a line with a native search once the last wanted column is
 * read, which is what makes wide exports (sepsis has 34 columns) cheap. Quoted fields may hold
 * delimiters, doubled quotes and newlines; line numbers count physical lines.
 */
const LF = 10;
const CR = 13;
const QUOTE = 34;
/** Bytes of an unwanted line tail walked in JavaScript before asking the native search. */
const SHORT_TAIL = 48;

export const FIELD_PLAIN = 0;
export const FIELD_QUOTED = 1;
/** Quoted and containing doubled quotes that must be unescaped. */
export const FIELD_ESCAPED = 2;

export class CsvTokenizer {
	/** Byte ranges of the wanted fields of the current record; start −1 when the record is short. */
	readonly starts: Int32Array;
	readonly ends: Int32Array;
	readonly kinds: Uint8Array;
	/** The buffer the ranges point into, valid during `onRecord` only. */
	bytes: Buffer = Buffer.alloc(0);
	/** Physical line where the current record starts (1-based, header is line 1). */
	line: number;
	/** Set when the current record had an unterminated quote at the end of input. */
	unterminated = false;
	/** Fields seen in the current record (at least up to the last wanted column). */
	fields = 0;
	private next: number;
	private leftover: Buffer | undefined;
	/** Position of the next quote in the current buffer (its length when none), or −1 unknown. */
	private nextQuote = -1;
	private readonly maxColumn: number;

	constructor(
		private readonly delimiter: number,
		/** Slot of each column index, −1 for unwanted columns. */
		private readonly slotOf: Int32Array,
		private readonly onRecord: () => void,
		firstLine = 2
	) {
		const slots = Math.max(0, ...slotOf) + 1;
		this.starts = new Int32Array(slots);
		this.ends = new Int32Array(slots);
		this.kinds = new Uint8Array(slots);
		let max = -1;
		slotOf.forEach((slot, column) => {
			if (slot >= 0) max = column;
		});
		this.maxColumn = max;
		this.line = firstLine;
		this.next = firstLine;
	}

	push(chunk: Buffer): void {
		const leftover = this.leftover;
		this.leftover = undefined;
		if (!leftover) return this.run(chunk, false, 0);
		// Finish the record cut at the chunk border in a small buffer of its own, rather than
		// copying the whole chunk behind it (a megabyte per chunk, and garbage to collect).
		const lf = chunk.indexOf(LF);
		if (lf < 0) return this.run(Buffer.concat([leftover, chunk]), false, 0);
		this.run(Buffer.concat([leftover, chunk.subarray(0, lf + 1)]), false, 0);
		const cut = this.leftover as Buffer | undefined;
		this.leftover = undefined;
		// A quoted field that holds that newline runs on: then one buffer after all.
		if (cut) return this.run(Buffer.concat([cut, chunk.subarray(lf + 1)]), false, 0);
		this.run(chunk, false, lf + 1);
	}

	/** Physical line after the last complete record. */
	get nextLine(): number {
		return this.next;
	}

	/** True while the end of a record cut at a chunk border waits for the next chunk. */
	get holdsBack(): boolean {
		return this.leftover !== undefined && this.leftover.length > 0;
	}

	end(): void {
		const buffer = this.leftover;
		this.leftover = undefined;
		if (buffer && buffer.length) this.run(buffer, true, 0);
	}

	private run(buffer: Buffer, final: boolean, start: number): void {
		this.bytes = buffer;
		this.nextQuote = -1;
		// Scanning a plain Uint8Array keeps the element loads monomorphic (Buffer is a subclass).
		const view = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
		const n = buffer.length;
		let position = start;
		while (position < n) {
			const next = this.record(view, buffer, position, n, final);
			if (next < 0) {
				this.leftover = Buffer.from(buffer.subarray(position));
				return;
			}
			this.onRecord();
			position = next;
		}
	}

	/** Parses one record starting at `i`; returns the position after it, or −1 if incomplete. */
	private record(buffer: Uint8Array, search: Buffer, i: number, n: number, final: boolean): number {
		const { starts, ends, kinds, slotOf, delimiter, maxColumn } = this;
		for (let s = 0; s < starts.length; s++) starts[s] = -1;
		this.unterminated = false;
		let lines = 1;
		let column = 0;
		for (;;) {
			const slot = column < slotOf.length ? slotOf[column] : -1;
			if (i < n && buffer[i] === QUOTE) {
				let j = i + 1;
				let kind = FIELD_QUOTED;
				let close: number;
				for (;;) {
					close = search.indexOf(QUOTE, j);
					if (close < 0) {
						if (!final) return -1;
						this.unterminated = true;
						close = n;
						break;
					}
					if (close + 1 >= n && !final) return -1;
					if (buffer[close + 1] === QUOTE) {
						kind = FIELD_ESCAPED;
						j = close + 2;
						continue;
					}
					break;
				}
				for (let k = i + 1; k < close; k++) if (buffer[k] === LF) lines++;
				if (slot >= 0) {
					starts[slot] = i + 1;
					ends[slot] = close;
					kinds[slot] = kind;
				}
				i = Math.min(close + 1, n);
				// Anything between the closing quote and the delimiter is ignored, as most readers do.
				while (i < n && buffer[i] !== delimiter && buffer[i] !== LF) i++;
				if (i >= n && !final) return -1;
			} else if (column > maxColumn) {
				// Nothing more is wanted from this line: run to its end, minding quoted fields
				// (which may hold newlines) that start right after a delimiter. With no quote
				// before the next newline, a native search finds the end at once.
				if (this.nextQuote < i) {
					const quote = search.indexOf(QUOTE, i);
					this.nextQuote = quote < 0 ? n : quote;
				}
				// A short tail is quicker to walk than to hand to the native search.
				const near = Math.min(i + SHORT_TAIL, this.nextQuote);
				let lf = i;
				while (lf < near && buffer[lf] !== LF) lf++;
				if (lf === near && near < this.nextQuote) lf = search.indexOf(LF, lf);
				if (lf >= 0 && lf < this.nextQuote) {
					i = lf + 1;
					column++;
					break;
				}
				let c = 0;
				while (i < n) {
					c = buffer[i];
					if (c === LF || (c === QUOTE && buffer[i - 1] === delimiter)) break;
					i++;
				}
				if (i >= n && !final) return -1;
				if (c === QUOTE && i < n) continue;
			} else {
				const start = i;
				while (i < n) {
					const c = buffer[i];
					if (c === delimiter || c === LF) break;
					i++;
				}
				if (i >= n && !final) return -1;
				if (slot >= 0) {
					let end = i;
					if (end > start && buffer[end - 1] === CR) end--;
					starts[slot] = start;
					ends[slot] = end;
					kinds[slot] = FIELD_PLAIN;
				}
			}
			column++;
			if (i >= n) break;
			if (buffer[i] === LF) {
				i++;
				break;
			}
			i++;
		}
		this.fields = column;
		this.line = this.next;
		this.next += lines;
		return i;
	}
}

/** Splits one line of text (no embedded newlines) into fields, honouring quotes. */
export function splitLine(line: string, delimiter: string): string[] {
	const fields: string[] = [];
	let i = 0;
	for (;;) {
		if (line[i] === '"') {
			let value = '';
			let j = i + 1;
			for (;;) {
				const close = line.indexOf('"', j);
				if (close < 0) {
					value += line.slice(j);
					j = line.length;
					break;
				}
				value += line.slice(j, close);
				if (line[close + 1] === '"') {
					value += '"';
					j = close + 2;
				} else {
					j = close + 1;
					break;
				}
			}
			fields.push(value);
			const next = line.indexOf(delimiter, j);
			if (next < 0) break;
			i = next + delimiter.length;
		} else {
			const next = line.indexOf(delimiter, i);
			fields.push((next < 0 ? line.slice(i) : line.slice(i, next)).replace(/\r$/, ''));
			if (next < 0) break;
			i = next + delimiter.length;
		}
	}
	return fields;
}
