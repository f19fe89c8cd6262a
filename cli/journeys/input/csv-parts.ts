/**
 * Reads a large CSV file in parts on several threads, for summary and variants. The file is cut
 * at line starts; a worker thread reads each part after the first into a VariantLogBuilder of its
 * own (csv-part-worker.ts), the calling thread reads the first part, and the parts are joined in
 * file order, so the result equals reading the file in one go. Each part is read by the
 * WebAssembly scanner (plain-csv-reader.ts) when the request brings it, else by the general
 * reader; one part alone is how the scanner reads a smaller file.
 *
 * A line start is a record start unless a quoted field holds a newline. The first part starts at
 * a true record start; a part that starts at one and ends where a record ends hands the next part
 * a true start too. When a part ends inside a record, readCsvParts gives up (false) and the
 * caller reads the file in one go.
 */
import { closeSync, createReadStream, existsSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VariantLogBuilder, UnorderedCase, type VariantLogPart } from '../analysis/variant-log.ts';
import { createZone, UTC } from '../analysis/timestamps.ts';
import { csvRows, type CsvHeader } from './csv-reader.ts';
import { chooseColumns, type ColumnFlags } from './columns.ts';
import { NotPlainCsv, PlainCsvReader } from './plain-csv-reader.ts';

/** Below this many bytes per part, starting a thread costs more than it saves. */
export const MIN_PART_BYTES = 64 << 20;
const CHUNK = 1 << 20;

/** What a part reader needs: plain data, as it crosses to a worker thread. */
export interface PartRequest {
	file: string;
	name: string;
	header: CsvHeader;
	columns: ColumnFlags;
	zone: string;
	/** The compiled scanner of wasm/plain-csv.as.ts: read with it, not the general reader. */
	wasm?: WebAssembly.Module;
	start: number;
	end: number;
}

export interface PartResult {
	part: VariantLogPart;
	/** The part's case ids: case c is arena[bounds[c], bounds[c + 1]). */
	caseIds: { arena: Uint8Array; bounds: Int32Array };
	/** Physical lines in the part. */
	lines: number;
	atRecordEnd: boolean;
}

/** Reads one part of the file; a worker thread runs this, and tests run it in place. */
export type PartRunner = (
	request: PartRequest,
	onBytes: (bytes: number) => void,
	signal: AbortSignal
) => Promise<PartResult>;

/**
 * Byte offsets where the parts start, plus the file size at the end: `parts` roughly equal
 * pieces of [dataStart, size), each moved forward to just after a newline. Fewer come back when
 * the lines are too few to go round.
 */
export function splitParts(file: string, dataStart: number, size: number, parts: number): number[] {
	const starts = [dataStart];
	const fd = openSync(file, 'r');
	try {
		const window = Buffer.alloc(1 << 16);
		for (let k = 1; k < parts; k++) {
			let at = Math.max(
				starts[starts.length - 1],
				dataStart + Math.floor(((size - dataStart) * k) / parts)
			);
			// The boundary is just after the next newline at or after `at - 1`.
			at = Math.max(at - 1, dataStart);
			let found = -1;
			while (found < 0 && at < size) {
				const read = readSync(fd, window, 0, window.length, at);
				if (read <= 0) break;
				const lf = window.subarray(0, read).indexOf(10);
				if (lf >= 0) found = at + lf + 1;
				else at += read;
			}
			if (found < 0 || found >= size) break;
			if (found > starts[starts.length - 1]) starts.push(found);
		}
	} finally {
		closeSync(fd);
	}
	return [...starts, size];
}

/** What reading one part left behind: enough to join the parts after it. */
interface ReadPart {
	/** Physical lines in the part. */
	lines: number;
	atRecordEnd: boolean;
	/** The ids of the part's first `cases` cases as bytes: case c is arena[bounds[c], bounds[c + 1]). */
	caseIds(cases: number): { arena: Uint8Array; bounds: Int32Array };
	/**
	 * The slots of case ids given as bytes (case c is arena[bounds[c], bounds[c + 1])): an
	 * existing slot for a case read before, else a new case of the builder.
	 */
	caseSlots(arena: Uint8Array, bounds: Int32Array): Int32Array;
}

/**
 * Reads bytes [start, end) of the file into `builder`: with the WebAssembly scanner when the
 * request brings its module (it throws NotPlainCsv on a line it does not read), else with the
 * general reader. `firstLine` numbers the part's first line (see csvRows).
 */
async function readPart(
	request: Omit<PartRequest, 'start' | 'end'>,
	start: number,
	end: number,
	builder: VariantLogBuilder,
	firstLine: number,
	onBytes: (bytes: number) => void
): Promise<ReadPart> {
	if (request.wasm) {
		const columns = chooseColumns(request.header.columns, request.columns, request.name);
		const { delimiter } = request.header;
		const naiveIsUtc = request.zone === UTC.name;
		const reader = new PlainCsvReader(request.wasm, columns, delimiter, naiveIsUtc, builder);
		await reader.read(request.file, start, end, onBytes);
		return {
			lines: reader.lines,
			// The scanner reads whole lines only, and a plain line holds no quoted newline.
			atRecordEnd: true,
			caseIds: () => reader.caseIds(),
			caseSlots: (arena, bounds) => reader.caseSlots(arena, bounds)
		};
	}
	const rows = csvRows(
		request.header,
		{
			columns: request.columns,
			zone: createZone(request.zone),
			caseAttributes: [],
			eventAttributes: []
		},
		builder,
		request.name,
		firstLine
	);
	if (end > start) {
		const stream = createReadStream(request.file, { start, end: end - 1, highWaterMark: CHUNK });
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			rows.push(chunk);
			onBytes(chunk.length);
		}
	}
	// Checked before end(), which would finish a cut record as if the file ended there.
	const atRecordEnd = rows.atRecordEnd;
	rows.end();
	return {
		lines: rows.lines,
		atRecordEnd,
		caseIds: (cases) => rows.caseIds.contents(cases),
		caseSlots(arena, bounds) {
			const slots = new Int32Array(bounds.length - 1);
			for (let c = 0; c < slots.length; c++) {
				const [from, to] = [bounds[c], bounds[c + 1]];
				let slot = rows.caseSlots.get(arena, from, to);
				if (slot < 0) {
					slot = builder.newCase();
					rows.caseSlots.set(arena, from, to, slot);
					rows.caseIds.add(slot, arena, from, to);
				}
				slots[c] = slot;
			}
			return slots;
		}
	};
}

/** Reads one part into a builder of its own; the work of one worker thread. */
export const runPartHere: PartRunner = async (request, onBytes) => {
	const builder = new VariantLogBuilder();
	const read = await readPart(request, request.start, request.end, builder, 0, onBytes);
	const part = builder.part();
	return {
		part,
		caseIds: read.caseIds(part.node.length),
		lines: read.lines,
		atRecordEnd: read.atRecordEnd
	};
};

/** Runs a part on a worker thread: the CLI's bundle has one beside it (see launch.js). */
export const runPartOnThread: PartRunner = (request, onBytes, signal) => {
	const script = workerScript();
	if (!script) return Promise.reject(new Error('no worker script'));
	return new Promise((resolve, reject) => {
		const worker = new Worker(script, { workerData: request });
		// Parts no longer wanted must not keep the process alive.
		signal.addEventListener('abort', () => void worker.terminate(), { once: true });
		worker.on('message', (message: WorkerMessage) => {
			if (message.type === 'bytes') onBytes(message.bytes);
			else if (message.type === 'done') resolve(message.result);
			else if (message.type === 'unordered') reject(new UnorderedCase());
			else if (message.type === 'not-plain')
				reject(new NotPlainCsv(message.offset, message.reason));
			else reject(new Error(message.message));
		});
		worker.on('error', reject);
		worker.on('exit', (code) => reject(new Error(`worker stopped with code ${code}`)));
	});
};

export type WorkerMessage =
	| { type: 'bytes'; bytes: number }
	| { type: 'done'; result: PartResult }
	| { type: 'unordered' }
	| { type: 'not-plain'; offset: number; reason: string }
	| { type: 'error'; message: string };

/** The worker bundle beside the CLI's bundle; undefined when running from source. */
export function workerScript(): URL | undefined {
	const here = import.meta.url;
	if (!here.endsWith('.mjs')) return undefined;
	const script = new URL(here.replace(/\.mjs$/, '-csv-part-worker.mjs'));
	return existsSync(fileURLToPath(script)) ? script : undefined;
}

/**
 * Reads the file's parts (from `splitParts`) into `builder`: the first here, the others with
 * `runPart`, all at once. Returns false, with `builder` half filled, when a part ended inside a
 * record; throws UnorderedCase when a case has events out of time order.
 */
export async function readCsvParts(
	request: Omit<PartRequest, 'start' | 'end'>,
	starts: readonly number[],
	builder: VariantLogBuilder,
	runPart: PartRunner,
	onBytes: (bytes: number) => void
): Promise<boolean> {
	const stop = new AbortController();
	try {
		const later = starts
			.slice(1, -1)
			.map((start, k) => runPart({ ...request, start, end: starts[k + 2] }, onBytes, stop.signal));
		// Settled at once, so a failing part is not reported as unhandled while another is read.
		const settled = later.map((promise) =>
			promise.then(
				(result) => ({ result }),
				(error: unknown) => ({ error })
			)
		);
		const first = await readPart(request, starts[0], starts[1], builder, 2, onBytes);
		let atRecordEnd = first.atRecordEnd;
		let line = 2 + first.lines;
		for (const next of settled) {
			if (!atRecordEnd) return false;
			const outcome = await next;
			if ('error' in outcome) throw outcome.error;
			const { part, caseIds, lines } = outcome.result;
			const { arena, bounds } = caseIds;
			const slots = first.caseSlots(arena, bounds);
			builder.join(part, (c) => slots[c], line);
			line += lines;
			atRecordEnd = outcome.result.atRecordEnd;
		}
		return true;
	} finally {
		stop.abort();
	}
}
