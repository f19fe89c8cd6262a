/**
 * Maps JSON objects (JSON Lines rows, PocketBase records) onto events, with the same column
 * detection as CSV. Non-string values are stringified; numeric times are epoch values.
 */
import type { EventSink } from '../analysis/event-sink.ts';
import { parseTimestamp } from '../analysis/timestamps.ts';
import { chooseColumns, findCaseAttribute, findColumn, type ColumnChoice } from './columns.ts';
import type { ReadRequest } from './read-request.ts';

export class ObjectRows {
	private keys: string[] | undefined;
	private chosen: ColumnChoice | undefined;
	private caseKeys: (string | undefined)[] = [];
	private eventKeys: (string | undefined)[] = [];
	private readonly caseValues: (string | undefined)[];
	private readonly eventValues: (string | undefined)[];

	constructor(
		private readonly request: ReadRequest,
		private readonly source: string,
		readonly builder: EventSink
	) {
		this.caseValues = request.caseAttributes.map(() => undefined);
		this.eventValues = request.eventAttributes.map(() => undefined);
	}

	/** Column detection happens on the first object; later objects may omit optional keys. */
	add(row: Record<string, unknown>, line: number): void {
		if (!this.keys) this.detect(Object.keys(row));
		const keys = this.keys!;
		const chosen = this.chosen!;
		const caseId = text(row[keys[chosen.case]]);
		if (!caseId) return this.builder.drop('missing-case', line);
		const activity = text(row[keys[chosen.activity]]);
		if (!activity) return this.builder.drop('missing-activity', line);
		const rawTime = row[keys[chosen.timestamp]];
		if (rawTime === undefined || rawTime === null || rawTime === '') {
			return this.builder.drop('missing-time', line);
		}
		const time =
			typeof rawTime === 'number'
				? Math.abs(rawTime) >= 1e11
					? rawTime
					: rawTime * 1000
				: parseTimestamp(String(rawTime), this.request.zone);
		if (Number.isNaN(time)) return this.builder.drop('bad-time', line, String(rawTime));
		for (let a = 0; a < this.caseKeys.length; a++) {
			const key = this.caseKeys[a];
			this.caseValues[a] = key === undefined ? undefined : text(row[key]);
		}
		for (let a = 0; a < this.eventKeys.length; a++) {
			const key = this.eventKeys[a];
			this.eventValues[a] = key === undefined ? undefined : text(row[key]);
		}
		this.builder.add(caseId, activity, time, this.eventValues, this.caseValues);
	}

	private detect(keys: string[]): void {
		this.keys = keys;
		this.chosen = chooseColumns(keys, this.request.columns, this.source);
		const at = (index: number) => (index < 0 ? undefined : keys[index]);
		// Optional keys absent from the first row are still looked up by name later.
		this.caseKeys = this.request.caseAttributes.map(
			(attribute) => at(findCaseAttribute(keys, attribute.name)) ?? attribute.name
		);
		this.eventKeys = this.request.eventAttributes.map(
			(attribute) => at(findColumn(keys, attribute.name)) ?? attribute.name
		);
	}
}

function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const result =
		typeof value === 'string'
			? value
			: typeof value === 'object'
				? JSON.stringify(value)
				: String(value);
	return result === '' ? undefined : result;
}
