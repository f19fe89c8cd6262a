/** Builds small logs for tests from compact rows: [case, activity, time, eventValues?, caseValues?]. */
import { LogBuilder, type EventLog, type LogBuilderOptions } from './event-log.ts';
import { parseTimestamp } from './timestamps.ts';

export type Row = [
	string,
	string,
	string | number,
	(string | undefined)[]?,
	(string | undefined)[]?
];

export function buildLog(rows: Row[], options: LogBuilderOptions = {}): EventLog {
	const builder = new LogBuilder(options);
	for (const [caseId, activity, time, events, cases] of rows) {
		const ms = typeof time === 'number' ? time : parseTimestamp(time);
		builder.add(caseId, activity, ms, events, cases);
	}
	return builder.finish();
}

/** Events one minute apart per case, in the order given, starting at 2024-01-01. */
export function sequences(paths: Record<string, string[]>): EventLog {
	const rows: Row[] = [];
	for (const [caseId, acts] of Object.entries(paths)) {
		acts.forEach((act, i) => rows.push([caseId, act, Date.UTC(2024, 0, 1) + i * 60_000]));
	}
	return buildLog(rows);
}
