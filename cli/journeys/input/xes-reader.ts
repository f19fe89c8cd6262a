/**
 * Reads XES (IEEE 1849) logs, plain or gzipped, with a streaming SAX parser. Only attributes
 * directly on a trace or event count; nested attributes (lists, meta data) are skipped. Trace
 * attributes become case attributes, as pm4py names them `case:<key>`.
 */
import sax from 'sax';
import type { EventSink } from '../analysis/event-sink.ts';
import { CliError } from '../../cli-error.ts';
import type { ByteSource } from './byte-source.ts';
import { ObjectRows } from './object-rows.ts';
import type { ReadRequest } from './read-request.ts';

const ATTRIBUTE_TAGS = new Set([
	'string',
	'date',
	'int',
	'float',
	'boolean',
	'id',
	'list',
	'container'
]);

export async function readXes(
	source: ByteSource,
	request: ReadRequest,
	sink: EventSink,
	onChunk?: () => void
): Promise<void> {
	const caseKey = stripCase(request.columns.case ?? 'concept:name');
	const activityKey = request.columns.activity ?? 'concept:name';
	const timeKey = request.columns.timestamp ?? 'time:timestamp';
	// Rows are built as objects with fixed keys, so the shared mapper does the rest.
	const rows = new ObjectRows(
		{
			...request,
			columns: { case: '__case', activity: '__activity', timestamp: '__time' }
		},
		source.name,
		sink
	);
	const parser = sax.parser(true, { trim: false, normalize: false, position: true });
	const stack: string[] = [];
	let trace: Map<string, string> | undefined;
	let event: Map<string, string> | undefined;
	let sawLog = false;
	let traces = 0;
	let failure: CliError | undefined;

	parser.onerror = (error) => {
		const where = `line ${parser.line + 1}`;
		failure ??= new CliError(
			`${source.name} is not valid XES (${where}): ${error.message.split('\n')[0]}.`
		);
		parser.error = null as unknown as Error;
	};
	parser.onopentag = (tag) => {
		const name = localName(tag.name);
		const parent = stack[stack.length - 1];
		stack.push(name);
		if (name === 'log' && stack.length === 1) sawLog = true;
		else if (name === 'trace' && parent === 'log') {
			trace = new Map();
			traces++;
		} else if (name === 'event' && parent === 'trace') event = new Map();
		else if (ATTRIBUTE_TAGS.has(name) && (parent === 'event' || parent === 'trace')) {
			const key = tag.attributes.key;
			const value = tag.attributes.value;
			if (typeof key !== 'string' || typeof value !== 'string') return;
			if (parent === 'event') event?.set(key, value);
			else trace?.set(key, value);
		}
	};
	parser.onclosetag = () => {
		const name = stack.pop();
		if (name === 'event' && event && trace) {
			rows.add(toRow(trace, event), parser.line + 1);
			event = undefined;
		} else if (name === 'trace') trace = undefined;
	};

	const toRow = (traceAttributes: Map<string, string>, eventAttributes: Map<string, string>) => {
		const row: Record<string, unknown> = {
			__case: traceAttributes.get(caseKey),
			__activity: eventAttributes.get(activityKey),
			__time: eventAttributes.get(timeKey)
		};
		for (const attribute of request.caseAttributes) {
			const key = stripCase(attribute.name);
			row[attribute.name] = traceAttributes.get(key) ?? eventAttributes.get(attribute.name);
		}
		for (const attribute of request.eventAttributes)
			row[attribute.name] = eventAttributes.get(attribute.name);
		return row;
	};

	const decoder = new TextDecoder();
	const feed = (chunk: Buffer | undefined) => {
		parser.write(chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode());
		if (failure) throw failure;
		onChunk?.();
	};
	if (source.first.length === 0) throw new CliError(`${source.name} is empty.`);
	feed(source.first);
	for (;;) {
		const next = await source.rest.next();
		if (next.done) break;
		feed(next.value);
	}
	feed(undefined);
	parser.close();
	if (failure) throw failure;
	if (!sawLog) throw new CliError(`${source.name} is not an XES log: it has no <log> element.`);
	if (traces === 0) throw new CliError(`${source.name} holds no traces.`);
}

function localName(name: string): string {
	const colon = name.indexOf(':');
	return colon < 0 ? name : name.slice(colon + 1);
}

function stripCase(name: string): string {
	return name.startsWith('case:') ? name.slice(5) : name;
}
