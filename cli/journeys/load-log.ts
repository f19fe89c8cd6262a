/**
 * Picks the right adapter for a file, stdin or PocketBase and reads it into a full event log
 * (loadLog) or, for summary and variants, into a variant log (loadVariantLog).
 */
import { LogBuilder, type EventLog } from './analysis/event-log.ts';
import type { CaseNames, EventSink } from './analysis/event-sink.ts';
import {
	UnorderedCase,
	VariantLogBuilder,
	variantLogOf,
	type VariantLog
} from './analysis/variant-log.ts';
import { availableParallelism } from 'node:os';
import { CliError } from '../cli-error.ts';
import { openSource } from './input/byte-source.ts';
import {
	MIN_PART_BYTES,
	readCsvParts,
	runPartHere,
	runPartOnThread,
	splitParts,
	workerScript,
	type PartRunner
} from './input/csv-parts.ts';
import { chooseColumns } from './input/columns.ts';
import { readCsv, readHeader, type CsvHeader } from './input/csv-reader.ts';
import { NotPlainCsv, plainCsvApplies } from './input/plain-csv-reader.ts';
import { plainCsvModule } from './input/wasm/plain-csv-module.ts';
import { readJsonl } from './input/jsonl-reader.ts';
import { readPocketBase } from './input/pocketbase-reader.ts';
import type { ReadRequest } from './input/read-request.ts';
import { readXes } from './input/xes-reader.ts';
import { createProgress } from './progress.ts';

export type InputFormat = 'csv' | 'jsonl' | 'xes';

export interface LoadOptions extends ReadRequest {
	/** Force a format instead of guessing from the extension and content. */
	format?: InputFormat;
	/** PocketBase base URL; the file argument is then ignored. */
	from?: string;
	/** With `from`: only this process's events (e.g. `melding`, `survey:<slug>`). */
	process?: string;
	/** Progress bar: true always, false never, undefined only when stderr is a terminal. */
	progress?: boolean;
	/**
	 * Summary and variants: threads to read a CSV file with. Undefined: one per core, for files
	 * of at least MIN_PART_BYTES per thread.
	 */
	threads?: number;
	/** Told how the input was read (threads, a second read), for --verbose. */
	onNote?: (message: string) => void;
	/** How a part of a file read in parts is read: on a worker thread unless a test says otherwise. */
	runPart?: PartRunner;
}

export async function loadLog(file: string | undefined, options: LoadOptions): Promise<EventLog> {
	const builder = new LogBuilder({
		caseAttributes: options.caseAttributes.map((attribute) => attribute.name),
		eventAttributes: options.eventAttributes.map((attribute) => attribute.name)
	});
	const { name, caseNames } = await readInto(file, options, builder);
	const log = builder.finish(caseNames);
	checkAttributes(log, options, name);
	ensureEvents(log, name, options);
	return log;
}

/**
 * Reads a file straight into a variant log, keeping nothing per event. When a case has events out
 * of time order, or the input cannot be read twice (standard input, PocketBase), it reads the
 * full log instead, which sorts each case.
 */
export async function loadVariantLog(
	file: string | undefined,
	options: LoadOptions
): Promise<VariantLog> {
	if (!options.from && file !== undefined && file !== '-') {
		try {
			const log = (await readCsvFile(file, options)) ?? (await readStraight(file, options));
			ensureEvents(log, file, options);
			return log;
		} catch (error) {
			if (!(error instanceof UnorderedCase)) throw error;
			options.onNote?.('a case has events out of time order: reading the whole log to sort it');
		}
	}
	return variantLogOf(await loadLog(file, options));
}

async function readStraight(file: string, options: LoadOptions): Promise<VariantLog> {
	const builder = new VariantLogBuilder();
	await readInto(file, options, builder);
	return builder.finish();
}

/** Where a CSV file's data starts, and how it is laid out; undefined for other inputs. */
interface CsvFile {
	name: string;
	size: number;
	header: CsvHeader;
	dataStart: number;
}

/**
 * A regular, uncompressed CSV file: with the WebAssembly scanner (plain-csv-reader.ts) when its
 * lines are plain, else with the general reader; on several threads when it is large. Undefined
 * when that does not apply (other formats, gzip) or the general reader is best read in one go.
 */
async function readCsvFile(file: string, options: LoadOptions): Promise<VariantLog | undefined> {
	// Told by the flag or the name, without opening it: the reader that follows opens it once.
	const named = options.format ?? (/\.(xes|jsonl|ndjson|json|gz)$/i.test(file) ? 'other' : 'csv');
	if (named !== 'csv') return undefined;
	const source = await openSource(file);
	source.close();
	const format = options.format ?? guessFormat(source.extension, source.first);
	if (format !== 'csv' || source.gzipped || source.size === undefined) return undefined;
	const header = readHeader(source.first, options.delimiter, source.name);
	const csv = {
		name: source.name,
		size: source.size,
		header,
		dataStart: source.firstOffset + header.dataOffset
	};
	const columns = chooseColumns(header.columns, options.columns, source.name);
	if (plainCsvApplies(columns, header.delimiter)) {
		const wasm = await plainCsvModule();
		if (!wasm)
			options.onNote?.('the fast CSV scanner cannot be built here: using the general reader');
		else {
			try {
				return await readInParts(file, csv, options, wasm);
			} catch (error) {
				if (!(error instanceof NotPlainCsv)) throw error;
				options.onNote?.(`${error.message}: reading with the general reader`);
			}
		}
	}
	return readInParts(file, csv, options);
}

/**
 * Reads the file on several threads when it is large enough (MIN_PART_BYTES per part), with the
 * scanner in `wasm` if given. Without it, undefined when one part would do: the general reader
 * then reads the file as a stream.
 */
async function readInParts(
	file: string,
	csv: CsvFile,
	options: LoadOptions,
	wasm?: WebAssembly.Module
): Promise<VariantLog | undefined> {
	const runPart = options.runPart ?? (workerScript() ? runPartOnThread : undefined);
	const wanted = runPart
		? (options.threads ??
			Math.min(availableParallelism(), Math.floor((csv.size - csv.dataStart) / MIN_PART_BYTES)))
		: 1;
	const starts = splitParts(file, csv.dataStart, csv.size, Math.max(1, wanted));
	const parts = starts.length - 1;
	if (parts < 2 && !wasm) return undefined;
	let read = 0;
	const progress = createProgress('reading', csv.size, () => read, {
		force: options.progress
	});
	const builder = new VariantLogBuilder();
	try {
		const request = {
			file,
			name: csv.name,
			header: csv.header,
			columns: options.columns,
			zone: options.zone.name,
			wasm
		};
		const whole = await readCsvParts(request, starts, builder, runPart ?? runPartHere, (bytes) => {
			read += bytes;
			progress.tick();
		});
		if (!whole) {
			options.onNote?.(
				'a quoted field holds a line break where the file was cut: reading it in one go'
			);
			return undefined;
		}
		const how = wasm ? 'with the fast CSV scanner' : 'with the general reader';
		options.onNote?.(parts > 1 ? `read in ${parts} parts, one thread each, ${how}` : `read ${how}`);
		return builder.finish();
	} catch (error) {
		// The user's mistakes (no case column, say) are said as they are.
		if (error instanceof UnorderedCase || error instanceof CliError || error instanceof NotPlainCsv)
			throw error;
		// A thread that failed (out of memory, say) is no reason to fail: read in one go, with the
		// scanner on this thread if it was the other threads that failed.
		options.onNote?.(`a reading thread failed (${(error as Error).message}): reading in one go`);
		return wasm && parts > 1 ? readInParts(file, csv, { ...options, threads: 1 }, wasm) : undefined;
	} finally {
		progress.done();
	}
}

async function readInto(
	file: string | undefined,
	options: LoadOptions,
	sink: EventSink
): Promise<{ name: string; caseNames?: CaseNames }> {
	if (options.from) {
		// Pages, not bytes, are what a server read can count.
		let pages = 0;
		let totalPages = 0;
		const progress = createProgress('journey_events', undefined, () => 0, {
			force: options.progress,
			label: () => `journey_events ${pages}/${totalPages}`
		});
		try {
			await readPocketBase(
				options.from,
				process.env.STADSSTEM_TOKEN,
				options,
				sink,
				fetch,
				(page, total) => {
					pages = page;
					totalPages = total;
					progress.tick();
				},
				options.process
			);
		} finally {
			progress.done();
		}
		return { name: options.from };
	}
	if (!file)
		throw new CliError('give an event log FILE (or - for standard input, or --from URL).', 2);
	const source = await openSource(file);
	const format = options.format ?? guessFormat(source.extension, source.first);
	const progress = createProgress('reading', source.size, source.bytesRead, {
		force: options.progress
	});
	try {
		if (format === 'csv')
			return { name: source.name, caseNames: await readCsv(source, options, sink, progress.tick) };
		await (format === 'xes' ? readXes : readJsonl)(source, options, sink, progress.tick);
		return { name: source.name };
	} finally {
		progress.done();
		source.close();
	}
}

function ensureEvents(
	log: Pick<EventLog, 'events' | 'quality'>,
	name: string,
	options: LoadOptions
): void {
	if (log.events > 0) return;
	const dropped = log.quality.droppedRows;
	throw new CliError(
		dropped
			? `no events could be read from ${name}: all ${dropped} rows lack a case, activity or valid time.`
			: options.from
				? // PocketBase shows a guest (a wrong or expired token) an empty list, not an error.
					`${name} holds no journey events${options.process ? ` for ${options.process}` : ''} that this token may read; STADSSTEM_TOKEN must be a valid staff token.`
				: `${name} holds no events.`
	);
}

export function guessFormat(extension: string, first: Uint8Array): InputFormat {
	if (extension === '.xes') return 'xes';
	if (extension === '.jsonl' || extension === '.ndjson' || extension === '.json') return 'jsonl';
	if (extension === '.csv' || extension === '.tsv' || extension === '.txt') return 'csv';
	for (const byte of first.subarray(0, 512)) {
		if (byte === 32 || byte === 9 || byte === 10 || byte === 13) continue;
		if (byte === 60) return 'xes';
		if (byte === 123) return 'jsonl';
		break;
	}
	return 'csv';
}

/** Formats without a header can only tell after reading that a required attribute never occurs. */
function checkAttributes(log: EventLog, options: ReadRequest, name: string): void {
	options.eventAttributes.forEach((attribute, index) => {
		if (attribute.required && log.events > 0 && log.eventAttributeValues[index].length === 0) {
			throw new CliError(`no event in ${name} has a value for "${attribute.name}".`);
		}
	});
	options.caseAttributes.forEach((attribute, index) => {
		if (
			attribute.required &&
			log.cases.length &&
			log.cases.every((c) => c.caseValues[index] === undefined)
		) {
			throw new CliError(`no case in ${name} has a value for "${attribute.name}".`);
		}
	});
}
