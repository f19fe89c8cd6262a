/** Reads CSV event logs: detects delimiter and columns, then streams rows into an EventSink. */
import type { CaseNames, EventSink } from '../analysis/event-sink.ts';
import { parseTimestampBytes } from '../analysis/timestamps.ts';
import { CliError } from '../../cli-error.ts';
import type { ByteSource } from './byte-source.ts';
import { ByteKeyTable } from './byte-key-table.ts';
import { ByteList, ByteStringCache, decode } from './byte-strings.ts';
import { chooseColumns, findCaseAttribute, findColumn, list } from './columns.ts';
import { CsvTokenizer, FIELD_ESCAPED, splitLine } from './csv-tokenizer.ts';
import type { ReadRequest } from './read-request.ts';

const DELIMITERS = [',', ';', '\t', '|'];

export interface CsvHeader {
	delimiter: string;
	columns: string[];
	/** Byte offset where the data starts in the first chunk. */
	dataOffset: number;
}

export function readHeader(first: Buffer, forced: string | undefined, name: string): CsvHeader {
	const text = first.subarray(0, Math.min(first.length, 1 << 16)).toString('utf8');
	const newline = text.indexOf('\n');
	if (text.trim() === '') throw new CliError(`${name} is empty.`);
	if (newline < 0 && first.length >= 1 << 16) {
		throw new CliError(
			`${name} does not look like a CSV file: its first line is longer than 64 KB.`
		);
	}
	const headerLine = (newline < 0 ? text : text.slice(0, newline)).replace(/\r$/, '');
	// Control characters in the header mean a binary file, which is exactly what this looks for.
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u0008\u000e-\u001f]/.test(headerLine)) {
		throw new CliError(`${name} is not a text event log (it contains binary data).`);
	}
	const samples = text
		.split('\n')
		.slice(1, 21)
		.filter((line) => line.trim() !== '');
	if (samples.length > 1 && newline >= 0 && !text.endsWith('\n')) samples.pop();
	const delimiter = forced ?? detectDelimiter(headerLine, samples);
	const columns = splitLine(headerLine, delimiter).map((column) => column.trim());
	const dataOffset = newline < 0 ? first.length : Buffer.byteLength(text.slice(0, newline + 1));
	return { delimiter, columns, dataOffset };
}

/** The candidate that splits the header into the most fields, consistently with the data lines. */
export function detectDelimiter(header: string, samples: readonly string[]): string {
	let best = ',';
	let bestScore = -1;
	for (const candidate of DELIMITERS) {
		const count = splitLine(header, candidate).length;
		if (count < 2) continue;
		const consistent = samples.filter((line) => splitLine(line, candidate).length === count).length;
		const score = consistent * 1000 + count;
		if (score > bestScore) {
			best = candidate;
			bestScore = score;
		}
	}
	return best;
}

/** Returns the names of the cases, which it keeps as bytes until they are asked for. */
export async function readCsv(
	source: ByteSource,
	request: ReadRequest,
	sink: EventSink,
	onChunk?: () => void
): Promise<CaseNames> {
	const header = readHeader(source.first, request.delimiter, source.name);
	const rows = csvRows(header, request, sink, source.name);
	rows.push(source.first.subarray(header.dataOffset));
	onChunk?.();
	for (;;) {
		const next = await source.rest.next();
		if (next.done) break;
		rows.push(next.value);
		onChunk?.();
	}
	rows.end();
	return (slot) => rows.caseIds.get(slot);
}

/** Rows of one CSV file, or of one part of it (see csv-parts.ts), pushed chunk by chunk. */
export interface CsvRows {
	push(chunk: Buffer): void;
	end(): void;
	/** Case id bytes to case slot, and back. */
	readonly caseSlots: ByteKeyTable;
	readonly caseIds: ByteList;
	/** Physical lines read so far. */
	readonly lines: number;
	/** Whether the bytes pushed so far end where a record ends (nothing is held back). */
	readonly atRecordEnd: boolean;
}

/**
 * Maps the wanted columns of each record onto the sink. `firstLine` numbers the first data line
 * in messages (2, after the header; a part of the file counts from 0 and is renumbered later).
 */
export function csvRows(
	header: CsvHeader,
	request: ReadRequest,
	sink: EventSink,
	name: string,
	firstLine = 2
): CsvRows {
	const { columns } = header;
	const chosen = chooseColumns(columns, request.columns, name);
	const caseColumns = request.caseAttributes.map((attribute) => {
		const index = findCaseAttribute(columns, attribute.name);
		if (index < 0 && attribute.required) throw missing(name, attribute.name, columns);
		return index;
	});
	const eventColumns = request.eventAttributes.map((attribute) => {
		const index = findColumn(columns, attribute.name);
		if (index < 0 && attribute.required) throw missing(name, attribute.name, columns);
		return index;
	});
	// Slots: 0 case, 1 activity, 2 time, then case attributes, then event attributes.
	const wanted = [chosen.case, chosen.activity, chosen.timestamp, ...caseColumns, ...eventColumns];
	const slotOf = new Int32Array(Math.max(...wanted) + 1).fill(-1);
	const slotOfWanted = wanted.map((column) => {
		if (column < 0) return -1;
		if (slotOf[column] < 0) slotOf[column] = Math.max(...slotOf) + 1;
		return slotOf[column];
	});
	const caseSlots = new ByteKeyTable(1 << 16);
	const caseIds = new ByteList();
	const activityIds = new ByteKeyTable();
	const caseCaches = caseColumns.map(() => new ByteStringCache());
	const eventCaches = eventColumns.map(() => new ByteStringCache());
	const caseValues: (string | undefined)[] = caseColumns.map(() => undefined);
	const eventValues: (string | undefined)[] = eventColumns.map(() => undefined);
	const zone = request.zone;
	// The previous row's case, as a range in the current chunk: consecutive rows often share it.
	let lastBytes: Uint8Array | undefined;
	let lastStart = 0;
	let lastEnd = 0;
	let lastSlot = -1;
	const caseSlot = slotOfWanted[0];
	const activitySlot = slotOfWanted[1];
	const timeSlot = slotOfWanted[2];
	const needed = Math.max(chosen.case, chosen.activity, chosen.timestamp) + 1;

	const tokenizer = new CsvTokenizer(
		header.delimiter.charCodeAt(0),
		slotOf,
		() => {
			const { starts, ends, kinds, bytes, line } = tokenizer;
			const cs = starts[caseSlot];
			const ce = ends[caseSlot];
			if (tokenizer.fields === 1 && ce === cs) return; // blank line
			if (tokenizer.fields < needed || tokenizer.unterminated) sink.note('malformed-row', line);
			if (cs < 0 || ce === cs) return sink.drop('missing-case', line);
			const as = starts[activitySlot];
			if (as < 0 || ends[activitySlot] === as) return sink.drop('missing-activity', line);
			const ts = starts[timeSlot];
			const te = ends[timeSlot];
			if (ts < 0 || te === ts) return sink.drop('missing-time', line);
			const time = parseTimestampBytes(bytes, ts, te, zone);
			if (Number.isNaN(time)) {
				if (isBlank(bytes, ts, te)) return sink.drop('missing-time', line);
				return sink.drop('bad-time', line, decode(bytes, ts, te));
			}
			let slot: number;
			if (kinds[caseSlot] === FIELD_ESCAPED) {
				// Key the table by the unescaped text so it matches the same id written without quotes.
				const id = unescape(decode(bytes, cs, ce));
				const key = new TextEncoder().encode(id);
				slot = caseSlots.get(key, 0, key.length);
				if (slot < 0) {
					slot = sink.newCase();
					caseSlots.set(key, 0, key.length, slot);
					caseIds.add(slot, key, 0, key.length);
				}
			} else if (lastBytes === bytes && sameRange(bytes, lastStart, lastEnd, cs, ce))
				slot = lastSlot;
			else {
				slot = caseSlots.get(bytes, cs, ce);
				if (slot < 0) {
					// The id becomes a string only at the end: thousands of new strings while reading
					// would each be copied by the garbage collector as they age.
					slot = sink.newCase();
					caseSlots.set(bytes, cs, ce, slot);
					caseIds.add(slot, bytes, cs, ce);
				}
				lastBytes = bytes;
				lastStart = cs;
				lastEnd = ce;
				lastSlot = slot;
			}
			const ae = ends[activitySlot];
			let activity: number;
			if (kinds[activitySlot] === FIELD_ESCAPED)
				activity = sink.activities.id(unescape(decode(bytes, as, ae)));
			else {
				activity = activityIds.get(bytes, as, ae);
				if (activity < 0) {
					activity = sink.activities.id(decode(bytes, as, ae));
					activityIds.set(bytes, as, ae, activity);
				}
			}
			for (let a = 0; a < caseValues.length; a++) {
				caseValues[a] = field(bytes, starts, ends, kinds, slotOfWanted[3 + a], caseCaches[a]);
			}
			for (let a = 0; a < eventValues.length; a++) {
				const slot = slotOfWanted[3 + caseValues.length + a];
				eventValues[a] = field(bytes, starts, ends, kinds, slot, eventCaches[a]);
			}
			sink.addAt(slot, activity, time, eventValues, caseValues);
		},
		firstLine
	);
	return {
		push: (chunk) => tokenizer.push(chunk),
		end: () => tokenizer.end(),
		caseSlots,
		caseIds,
		get lines() {
			return tokenizer.nextLine - firstLine;
		},
		get atRecordEnd() {
			return !tokenizer.holdsBack;
		}
	};
}

function field(
	bytes: Uint8Array,
	starts: Int32Array,
	ends: Int32Array,
	kinds: Uint8Array,
	slot: number,
	cache: ByteStringCache
): string | undefined {
	if (slot < 0) return undefined;
	const start = starts[slot];
	if (start < 0 || ends[slot] === start) return undefined;
	if (kinds[slot] === FIELD_ESCAPED) return unescape(decode(bytes, start, ends[slot]));
	return cache.get(bytes, start, ends[slot]);
}

function sameRange(bytes: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
	if (aEnd - a !== bEnd - b) return false;
	for (let i = 0; i < aEnd - a; i++) if (bytes[a + i] !== bytes[b + i]) return false;
	return true;
}

function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
	for (let i = start; i < end; i++)
		if (bytes[i] !== 32 && bytes[i] !== 13 && bytes[i] !== 9) return false;
	return true;
}

function unescape(value: string): string {
	return value.replace(/""/g, '"');
}

function missing(source: string, name: string, columns: readonly string[]): CliError {
	return new CliError(`${source} has no column "${name}"; columns are: ${list(columns)}.`);
}
