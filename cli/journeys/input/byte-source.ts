/** Opens a file or standard input as a stream of byte chunks, un-gzipping when needed. */
import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { CliError } from '../../cli-error.ts';

export interface ByteSource {
	/** Name for messages: the path, or "standard input". */
	name: string;
	/** Lower-case file name, without .gz, to guess the format from; '' for stdin. */
	extension: string;
	/** Raw size in bytes when known (for progress). */
	size: number | undefined;
	/** Raw bytes read so far (before decompression). */
	readonly bytesRead: () => number;
	/** First decompressed chunk (empty for an empty input), without a byte-order mark. */
	first: Buffer;
	/** Whether the input is gzipped. */
	gzipped: boolean;
	/** File offset of `first` (3 after a byte-order mark; meaningless when gzipped). */
	firstOffset: number;
	rest: AsyncIterator<Buffer>;
	/** Stops reading (a reader that gives up early must not leave the file open). */
	close(): void;
}

const CHUNK = 1 << 20;

export async function openSource(
	file: string,
	stdin: Readable = process.stdin
): Promise<ByteSource> {
	let raw: Readable;
	let size: number | undefined;
	let name: string;
	if (file === '-') {
		raw = stdin;
		name = 'standard input';
	} else {
		name = file;
		try {
			const stat = statSync(file);
			if (stat.isDirectory()) throw new CliError(`${file} is a directory, not an event log.`);
			size = stat.size;
		} catch (error) {
			if (error instanceof CliError) throw error;
			throw new CliError(`cannot read ${file}: ${describeFsError(error)}.`);
		}
		raw = createReadStream(file, { highWaterMark: CHUNK });
	}
	let read = 0;
	raw.on('data', (chunk: Buffer) => {
		read += chunk.length;
	});
	const rawIterator = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
	const head = await nextChunk(rawIterator, name);
	const gzipped = head !== undefined && head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
	let chunks: AsyncIterator<Buffer>;
	let gunzip: ReturnType<typeof createGunzip> | undefined;
	if (gzipped) {
		const unzip = createGunzip({ chunkSize: CHUNK });
		gunzip = unzip;
		const feed = async () => {
			unzip.write(head);
			for (;;) {
				const next = await rawIterator.next();
				if (next.done) break;
				if (!unzip.write(next.value)) await new Promise((resolve) => unzip.once('drain', resolve));
			}
			unzip.end();
		};
		feed().catch((error) => unzip.destroy(error as Error));
		chunks = unzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
	} else {
		let pending: Buffer | undefined = head;
		chunks = {
			next: async () => {
				if (pending) {
					const value = pending;
					pending = undefined;
					return { done: false, value };
				}
				return rawIterator.next();
			}
		};
	}
	const wrapped = guardErrors(chunks, name, gzipped);
	const first = (await wrapped.next()).value ?? Buffer.alloc(0);
	const lower = file.toLowerCase().replace(/\.gz$/, '');
	return {
		name,
		extension: file === '-' ? '' : (lower.match(/\.[a-z0-9]+$/)?.[0] ?? ''),
		size,
		bytesRead: () => read,
		first: stripBom(first),
		gzipped,
		firstOffset: first.length - stripBom(first).length,
		rest: wrapped,
		close: () => {
			// Standard input belongs to the process; only a file stream is ours to end.
			if (file !== '-') raw.destroy();
			gunzip?.destroy();
		}
	};
}

async function nextChunk(
	iterator: AsyncIterator<Buffer>,
	name: string
): Promise<Buffer | undefined> {
	try {
		const next = await iterator.next();
		return next.done ? undefined : next.value;
	} catch (error) {
		throw new CliError(`cannot read ${name}: ${describeFsError(error)}.`);
	}
}

function guardErrors(
	chunks: AsyncIterator<Buffer>,
	name: string,
	gzipped: boolean
): AsyncIterator<Buffer> {
	return {
		async next() {
			try {
				const next = await chunks.next();
				return next.done ? { done: true, value: undefined } : next;
			} catch (error) {
				const detail = gzipped
					? 'it is not a valid gzip file or it is cut short'
					: describeFsError(error);
				throw new CliError(`cannot read ${name}: ${detail}.`);
			}
		}
	};
}

function stripBom(chunk: Buffer): Buffer {
	return chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf
		? chunk.subarray(3)
		: chunk;
}

function describeFsError(error: unknown): string {
	const code = (error as { code?: string }).code;
	if (code === 'ENOENT') return 'no such file';
	if (code === 'EACCES') return 'permission denied';
	if (code === 'EISDIR') return 'it is a directory';
	return (error as Error).message ?? String(error);
}
