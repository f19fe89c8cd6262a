/**
 * The event model shared by every analysis. Adapters push rows into a LogBuilder; it keeps, per
 * case, compact arrays of activity ids and timestamps (never event objects), so memory grows with
 * cases and their lengths, not with attribute payloads. `finish()` orders each case by time
 * (stable, so ties keep file order) and returns an immutable EventLog.
 */
import { Interner } from './interner.ts';

export type DropReason = 'missing-case' | 'missing-activity' | 'missing-time' | 'bad-time';

export interface QualityIssue {
	reason: DropReason | 'malformed-row';
	count: number;
	/** First few line numbers (1-based, physical lines) for the user to look at. */
	lines: number[];
	/** First few offending values, when there is one. */
	examples: string[];
}

export interface DataQuality {
	droppedRows: number;
	issues: QualityIssue[];
	/** Cases whose events were not in time order in the input (they were sorted). */
	unorderedCases: number;
	/** Events sharing a timestamp with the previous event of their case (kept in file order). */
	tiedEvents: number;
}

export interface CaseTrace {
	readonly id: string;
	/** Activity ids in time order. */
	readonly acts: number[];
	/** Epoch milliseconds, same order as `acts`. */
	readonly times: number[];
	/** Per tracked event attribute: the value id of each event (-1 when empty). */
	readonly eventValues: number[][];
	/** Per tracked case attribute: the value of the earliest event that has one. */
	readonly caseValues: (string | undefined)[];
}

export interface EventLog {
	readonly activities: readonly string[];
	readonly cases: readonly CaseTrace[];
	readonly events: number;
	/** Earliest and latest event time in the log (NaN when empty). */
	readonly start: number;
	readonly end: number;
	readonly eventAttributes: readonly string[];
	/** Per tracked event attribute, the distinct values by id. */
	readonly eventAttributeValues: readonly (readonly string[])[];
	readonly caseAttributes: readonly string[];
	readonly quality: DataQuality;
}

export interface LogBuilderOptions {
	/** Attributes needed per event (channel, type, detail…). */
	eventAttributes?: readonly string[];
	/** Attributes needed once per case (segment for --by). */
	caseAttributes?: readonly string[];
}

const MAX_EXAMPLES = 5;
const NONE_NUMBERS: number[][] = [];
const NONE_VALUES: (string | undefined)[] = [];
const NONE_TIMES: number[] = [];

interface CaseBuffer {
	id: string;
	acts: number[];
	times: number[];
	sorted: boolean;
	eventValues: number[][];
	caseValues: (string | undefined)[];
	caseValueTimes: number[];
}

export class LogBuilder {
	readonly activities = new Interner();
	readonly eventAttributes: readonly string[];
	readonly caseAttributes: readonly string[];
	private readonly valueInterners: Interner[];
	private readonly slots = new Map<string, number>();
	private buffers: CaseBuffer[] = [];
	private lastCase: CaseBuffer | undefined;
	private events = 0;
	private start = Infinity;
	private end = -Infinity;
	private readonly issues = new Map<QualityIssue['reason'], QualityIssue>();

	constructor(options: LogBuilderOptions = {}) {
		this.eventAttributes = options.eventAttributes ?? [];
		this.caseAttributes = options.caseAttributes ?? [];
		this.valueInterners = this.eventAttributes.map(() => new Interner());
	}

	/**
	 * Adds one event. `eventValues` and `caseValues` align with the attribute lists given to the
	 * constructor; empty strings count as missing.
	 */
	add(
		caseId: string,
		activity: string,
		time: number,
		eventValues?: readonly (string | undefined)[],
		caseValues?: readonly (string | undefined)[]
	): void {
		let trace = this.lastCase;
		if (trace === undefined || trace.id !== caseId) {
			trace = this.buffers[this.caseSlot(caseId)];
			this.lastCase = trace;
		}
		this.push(trace, this.activities.id(activity), time, eventValues, caseValues);
	}

	/** A stable number for a case id. */
	caseSlot(caseId: string): number {
		let slot = this.slots.get(caseId);
		if (slot === undefined) {
			slot = this.newCase(caseId);
			this.slots.set(caseId, slot);
		}
		return slot;
	}

	/**
	 * A slot for a case id the caller knows is new (a reader with its own key lookup); skips the
	 * string map, which is a large share of the cost for logs with many short cases.
	 */
	newCase(caseId: string): number {
		const slot = this.buffers.length;
		// Most runs track no attributes: share empty arrays instead of allocating three per case.
		const plain = this.eventAttributes.length === 0 && this.caseAttributes.length === 0;
		this.buffers.push({
			id: caseId,
			acts: [],
			times: [],
			sorted: true,
			eventValues: plain ? NONE_NUMBERS : this.eventAttributes.map(() => []),
			caseValues: plain ? NONE_VALUES : this.caseAttributes.map(() => undefined),
			caseValueTimes: plain ? NONE_TIMES : this.caseAttributes.map(() => Infinity)
		});
		return slot;
	}

	/** Adds one event by case slot and activity id (from `activities.id`): the fast path. */
	addAt(
		slot: number,
		activityId: number,
		time: number,
		eventValues?: readonly (string | undefined)[],
		caseValues?: readonly (string | undefined)[]
	): void {
		this.push(this.buffers[slot], activityId, time, eventValues, caseValues);
	}

	private push(
		trace: CaseBuffer,
		activityId: number,
		time: number,
		eventValues: readonly (string | undefined)[] | undefined,
		caseValues: readonly (string | undefined)[] | undefined
	): void {
		const count = trace.times.length;
		if (count > 0 && time < trace.times[count - 1]) trace.sorted = false;
		trace.acts.push(activityId);
		trace.times.push(time);
		for (let a = 0; a < this.eventAttributes.length; a++) {
			const value = eventValues?.[a];
			trace.eventValues[a].push(value ? this.valueInterners[a].id(value) : -1);
		}
		for (let a = 0; a < this.caseAttributes.length; a++) {
			const value = caseValues?.[a];
			// Strictly earlier wins, so among tied events the first in the file keeps its value.
			if (value && time < trace.caseValueTimes[a]) {
				trace.caseValues[a] = value;
				trace.caseValueTimes[a] = time;
			}
		}
		this.events++;
		if (time < this.start) this.start = time;
		if (time > this.end) this.end = time;
	}

	/** Records a row that could not become an event. */
	drop(reason: DropReason, line: number, example?: string): void {
		this.note(reason, line, example);
	}

	/** Records a row that was read but looked wrong (e.g. wrong number of fields). */
	note(reason: QualityIssue['reason'], line: number, example?: string): void {
		let issue = this.issues.get(reason);
		if (!issue) {
			issue = { reason, count: 0, lines: [], examples: [] };
			this.issues.set(reason, issue);
		}
		issue.count++;
		if (issue.lines.length < MAX_EXAMPLES) issue.lines.push(line);
		if (example !== undefined && issue.examples.length < MAX_EXAMPLES) issue.examples.push(example);
	}

	get eventCount(): number {
		return this.events;
	}

	finish(): EventLog {
		const cases: CaseTrace[] = [];
		let unordered = 0;
		let tied = 0;
		for (const trace of this.buffers) {
			if (!trace.sorted) {
				unordered++;
				sortByTime(trace);
			}
			tied += countTies(trace.times);
			cases.push({
				id: trace.id,
				acts: trace.acts,
				times: trace.times,
				eventValues: trace.eventValues,
				caseValues: trace.caseValues
			});
		}
		this.buffers = [];
		this.slots.clear();
		this.lastCase = undefined;
		let droppedRows = 0;
		for (const issue of this.issues.values()) {
			if (issue.reason !== 'malformed-row') droppedRows += issue.count;
		}
		return {
			activities: this.activities.values,
			cases,
			events: this.events,
			start: cases.length ? this.start : NaN,
			end: cases.length ? this.end : NaN,
			eventAttributes: this.eventAttributes,
			eventAttributeValues: this.valueInterners.map((interner) => interner.values),
			caseAttributes: this.caseAttributes,
			quality: {
				droppedRows,
				issues: [...this.issues.values()],
				unorderedCases: unordered,
				tiedEvents: tied
			}
		};
	}
}

/** Stable sort of a case's parallel arrays by time, so ties keep file order. */
function sortByTime(trace: CaseBuffer): void {
	const order = trace.times.map((_, i) => i);
	const times = trace.times;
	order.sort((a, b) => times[a] - times[b] || a - b);
	trace.acts = order.map((i) => trace.acts[i]);
	trace.times = order.map((i) => times[i]);
	trace.eventValues = trace.eventValues.map((values) => order.map((i) => values[i]));
}

function countTies(times: number[]): number {
	let ties = 0;
	for (let i = 1; i < times.length; i++) if (times[i] === times[i - 1]) ties++;
	return ties;
}
