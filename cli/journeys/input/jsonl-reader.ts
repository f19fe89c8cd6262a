/** Reads JSON Lines event logs: one JSON object per line. */
import type { EventSink } from '../analysis/event-sink.ts';
import { CliError } from '../../cli-error.ts';
import type { ByteSource } from './byte-source.ts';
import { ObjectRows } from './object-rows.ts';
import type { ReadRequest } from './read-request.ts';

export async function readJsonl(
	source: ByteSource,
	request: ReadRequest,
	sink: EventSink,
	onChunk?: () => void
): Promise<void> {
	const rows = new ObjectRows(request, source.name, sink);
	const decoder = new TextDecoder();
	let pending = '';
	let line = 0;
	let valid = 0;
	let invalid = 0;
	const handle = (text: string) => {
		line++;
		const trimmed = text.trim();
		if (trimmed === '') return;
		let value: unknown;
		try {
			value = JSON.parse(trimmed);
		} catch {
			value = undefined;
		}
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			invalid++;
			if (invalid >= 20 && valid === 0) {
				throw new CliError(
					`${source.name} is not a JSON Lines file: line ${line} is not a JSON object.`
				);
			}
			rows.builder.note('malformed-row', line, trimmed.slice(0, 60));
			return;
		}
		valid++;
		rows.add(value as Record<string, unknown>, line);
	};
	const consume = (chunk: Buffer | undefined) => {
		pending += chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
		const lines = pending.split('\n');
		pending = chunk ? (lines.pop() ?? '') : '';
		for (const text of lines) handle(text);
		onChunk?.();
	};
	consume(source.first);
	for (;;) {
		const next = await source.rest.next();
		if (next.done) break;
		consume(next.value);
	}
	consume(undefined);
	if (valid === 0) throw new CliError(`${source.name} holds no JSON objects, so no events.`);
}
