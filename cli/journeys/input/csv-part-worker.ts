/**
 * Worker thread entry: reads one part of a CSV file (csv-parts.ts) and posts what it found. Bundled
 * beside the CLI's bundle by launch.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UnorderedCase } from '../analysis/variant-log.ts';
import { NotPlainCsv } from './plain-csv-reader.ts';
import { runPartHere, type PartRequest, type WorkerMessage } from './csv-parts.ts';

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
	parentPort?.postMessage(message, transfer);

try {
	// Stopping is the main thread's terminate(); nothing to listen for here.
	const result = await runPartHere(
		workerData as PartRequest,
		(bytes) => post({ type: 'bytes', bytes }),
		new AbortController().signal
	);
	const { part, caseIds } = result;
	// Moved, not copied: this thread is done with them.
	const buffers = [
		part.parent,
		part.activity,
		part.node,
		part.first,
		part.last,
		caseIds.arena,
		caseIds.bounds
	].map((array) => array.buffer as ArrayBuffer);
	post({ type: 'done', result }, [...new Set(buffers)]);
} catch (error) {
	post(
		error instanceof UnorderedCase
			? { type: 'unordered' }
			: error instanceof NotPlainCsv
				? { type: 'not-plain', offset: error.offset, reason: error.reason }
				: { type: 'error', message: (error as Error).message ?? String(error) }
	);
}
