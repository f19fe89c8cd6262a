/**
 * Reads a byte range of a plain CSV file into a VariantLogBuilder with the WebAssembly scanner
 * (wasm/plain-csv.as.ts): the fast path of `summary` and `variants` on large journey exports.
 * Bytes go from the file straight into the module's memory, and JavaScript only adds the rows the
 * module hands back. A line the scanner does not handle (quotes, a missing field, another time
 * format) throws NotPlainCsv; the caller then reads the file with the general reader.
 */
import { open } from 'node:fs/promises';
import type { VariantLogBuilder } from '../analysis/variant-log.ts';
import { decode } from './byte-strings.ts';
import type { ColumnChoice } from './columns.ts';
import { PLAIN_CSV_IMPORTS } from './wasm/plain-csv-module.ts';

const CHUNK = 1 << 20;
const LF = 10;
const REASONS = [
	'',
	'a quoted field',
	'too few fields',
	'an empty case, activity or time',
	'a time not written like 2024-01-31T09:30:00Z or 2024-01-31 09:30:00+01:00',
	'more than 2048 activities'
];

/** A line the fast path does not read; `offset` is its byte offset in the file. */
export class NotPlainCsv extends Error {
	constructor(
		readonly offset: number,
		readonly reason: string
	) {
		super(`the line at byte ${offset} has ${reason}`);
	}
}

interface ScannerExports {
	memory: WebAssembly.Memory;
	configure(
		delimiter: number,
		caseColumn: number,
		activityColumn: number,
		time: number,
		naiveIsUtc: boolean
	): void;
	inputBuffer(capacity: number, keep: number): number;
	keepTail(from: number, to: number): void;
	scan(from: number, to: number): number;
	rowSlotsPointer(): number;
	rowActivitiesPointer(): number;
	rowTimesPointer(): number;
	rowCapacity(): number;
	caseCount(): number;
	caseArenaPointer(): number;
	caseBoundsPointer(): number;
	activityCount(): number;
	activityArenaPointer(): number;
	activityBoundsPointer(): number;
	lines(): number;
	consumed(): number;
	failedAt(): number;
	failReason(): number;
	joinCases(arena: number, bounds: number, count: number, out: number): void;
}

/** Whether the fast path can read these columns: three different ones, a one-byte delimiter. */
export function plainCsvApplies(columns: ColumnChoice, delimiter: string): boolean {
	const { case: c, activity: a, timestamp: t } = columns;
	return c !== a && a !== t && c !== t && delimiter.length === 1 && delimiter.charCodeAt(0) < 128;
}

export class PlainCsvReader {
	private readonly scanner: ScannerExports;
	/** The builder's activity id for each of the scanner's. */
	private readonly activityIds: number[] = [];

	constructor(
		module: WebAssembly.Module,
		columns: ColumnChoice,
		delimiter: string,
		/** Whether times without an offset are UTC (no --tz), so the scanner may read them. */
		naiveIsUtc: boolean,
		private readonly builder: VariantLogBuilder
	) {
		this.scanner = new WebAssembly.Instance(module, PLAIN_CSV_IMPORTS)
			.exports as unknown as ScannerExports;
		this.scanner.configure(
			delimiter.charCodeAt(0),
			columns.case,
			columns.activity,
			columns.timestamp,
			naiveIsUtc
		);
	}

	/** Physical lines read so far. */
	get lines(): number {
		return this.scanner.lines();
	}

	/**
	 * Reads bytes [start, end) of the file, which start at a line start. The next chunk is read
	 * while this one is scanned, so the disk (or page cache) and the scanner work at once.
	 */
	async read(file: string, start: number, end: number, onBytes: (bytes: number) => void) {
		const scanner = this.scanner;
		const handle = await open(file, 'r');
		const chunks = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
		let position = start;
		const readNext = async (chunk: Buffer) => {
			const want = Math.min(CHUNK, end - position);
			const at = position;
			position += want;
			const { bytesRead } = want > 0 ? await handle.read(chunk, 0, want, at) : { bytesRead: 0 };
			// Fewer bytes than asked for: the file ends here (it may have shrunk meanwhile).
			return { bytesRead, last: bytesRead < want || at + bytesRead >= end };
		};
		let pending = readNext(chunks[0]);
		try {
			let kept = 0;
			let fileOffset = start;
			for (let turn = 0; ; turn ^= 1) {
				const { bytesRead, last } = await pending;
				if (!last) pending = readNext(chunks[turn ^ 1]);
				onBytes(bytesRead);
				let length = kept + bytesRead;
				const input = scanner.inputBuffer(length + 1, kept);
				// A fresh view each time: the module's memory may have grown (and moved) meanwhile.
				const memory = new Uint8Array(scanner.memory.buffer);
				memory.set(chunks[turn].subarray(0, bytesRead), input + kept);
				// The last line may lack its newline: the scanner sees only lines that end in one.
				if (last && length > 0 && memory[input + length - 1] !== LF) memory[input + length++] = LF;
				const from = this.scanLines(length, fileOffset);
				if (last) return;
				scanner.keepTail(from, length);
				kept = length - from;
				fileOffset += from;
			}
		} finally {
			// A read still under way when scanning stopped must end before the file closes.
			await pending.catch(() => undefined);
			await handle.close();
		}
	}

	/** Scans the input buffer's complete lines; returns where the unscanned tail starts. */
	private scanLines(length: number, fileOffset: number): number {
		const scanner = this.scanner;
		const capacity = scanner.rowCapacity();
		let from = 0;
		for (;;) {
			const rows = scanner.scan(from, length);
			if (rows < 0) {
				throw new NotPlainCsv(fileOffset + scanner.failedAt(), REASONS[scanner.failReason()]);
			}
			this.addRows(rows);
			from = scanner.consumed();
			if (rows < capacity) return from;
		}
	}

	private addRows(rows: number): void {
		const { scanner, builder, activityIds } = this;
		if (scanner.activityCount() > activityIds.length) this.learnActivities();
		const buffer = scanner.memory.buffer;
		const slots = new Int32Array(buffer, scanner.rowSlotsPointer(), rows);
		const activities = new Int32Array(buffer, scanner.rowActivitiesPointer(), rows);
		const times = new Float64Array(buffer, scanner.rowTimesPointer(), rows);
		for (let r = 0; r < rows; r++) {
			const slot = slots[r];
			// The scanner numbers new cases in order, as the builder does.
			if (slot === builder.caseCount) builder.newCase();
			builder.addAt(slot, activityIds[activities[r]], times[r]);
		}
	}

	private learnActivities(): void {
		const { scanner } = this;
		const memory = new Uint8Array(scanner.memory.buffer);
		const arena = scanner.activityArenaPointer();
		const bounds = new Int32Array(
			scanner.memory.buffer,
			scanner.activityBoundsPointer(),
			scanner.activityCount() + 1
		);
		for (let a = this.activityIds.length; a < scanner.activityCount(); a++) {
			const name = decode(memory, arena + bounds[a], arena + bounds[a + 1]);
			this.activityIds.push(this.builder.activities.id(name));
		}
	}

	/** The ids of the cases read so far, as bytes: case c is arena[bounds[c], bounds[c + 1]). */
	caseIds(): { arena: Uint8Array; bounds: Int32Array } {
		const scanner = this.scanner;
		const cases = scanner.caseCount();
		const bounds = new Int32Array(scanner.memory.buffer, scanner.caseBoundsPointer(), cases + 1);
		const arena = new Uint8Array(scanner.memory.buffer, scanner.caseArenaPointer(), bounds[cases]);
		return { arena: arena.slice(), bounds: bounds.slice() };
	}

	/**
	 * The slots of the cases of a part read elsewhere (case c is arena[bounds[c], bounds[c + 1])):
	 * an existing slot for a case this reader has seen, else a new case of the builder.
	 */
	caseSlots(arena: Uint8Array, bounds: Int32Array): Int32Array {
		const scanner = this.scanner;
		const count = bounds.length - 1;
		// One block holds the ids, their bounds and the answer; the input buffer is free now.
		const boundsOffset = Math.ceil(arena.length / 4) * 4;
		const outOffset = boundsOffset + 4 * (count + 1);
		const at = scanner.inputBuffer(outOffset + 4 * count, 0);
		const boundsAt = at + boundsOffset;
		const outAt = at + outOffset;
		const memory = scanner.memory.buffer;
		new Uint8Array(memory, at, arena.length).set(arena);
		new Int32Array(memory, boundsAt, count + 1).set(bounds);
		scanner.joinCases(at, boundsAt, count, outAt);
		while (this.builder.caseCount < scanner.caseCount()) this.builder.newCase();
		return new Int32Array(scanner.memory.buffer, outAt, count).slice();
	}
}
