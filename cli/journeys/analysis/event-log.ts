/**
 * The event model shared by every analysis. Adapters push rows into a LogBuilder. While reading it
 * appends each event to flat typed arrays (case slot, activity id, time, attribute value ids), so
 * a row costs a few stores and no allocation, whatever the log's order. `finish()` groups the
 * events by case with a counting sort, orders each case by time (stable, so ties keep file order)
 * and returns an immutable EventLog whose cases hold exact-size arrays of activity ids and times.
 */
import type { CaseNames, EventSink } from './event-sink.ts';
import { QualityNotes } from './event-sink.ts';
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
	/** Per case attribute, its values in their natural order when they have one (periods). */
	readonly caseAttributeOrder?: readonly (readonly string[] | undefined)[];
	readonly quality: DataQuality;
}

export interface LogBuilderOptions {
	/** Attributes needed per event (channel, type, detail…). */
	eventAttributes?: readonly string[];
	/** Attributes needed once per case (segment for --by). */
	caseAttributes?: readonly string[];
}

const NONE_NUMBERS: number[][] = [];
const NONE_VALUES: (string | undefined)[] = [];

/** A growable column of integers (doubling, so appends are amortised O(1)). */
class IntColumn {
	length = 0;
	data: Int32Array;
	constructor(capacity: number) {
		this.data = new Int32Array(capacity);
	}

	push(value: number): void {
		if (this.length === this.data.length) {
			const bigger = new Int32Array(Math.max(16, this.data.length * 2));
			bigger.set(this.data);
			this.data = bigger;
		}
		this.data[this.length++] = value;
	}
}

/** The same for times; a separate class keeps each push site monomorphic. */
class FloatColumn {
	length = 0;
	data: Float64Array;
	constructor(capacity: number) {
		this.data = new Float64Array(capacity);
	}

	push(value: number): void {
		if (this.length === this.data.length) {
			const bigger = new Float64Array(Math.max(16, this.data.length * 2));
			bigger.set(this.data);
			this.data = bigger;
		}
		this.data[this.length++] = value;
	}
}

export class LogBuilder implements EventSink {
	readonly activities = new Interner();
	readonly eventAttributes: readonly string[];
	readonly caseAttributes: readonly string[];
	private readonly valueInterners: Interner[];
	private readonly slots = new Map<string, number>();
	// Per event, in file order.
	private eventCase = new IntColumn(1 << 14);
	private eventAct = new IntColumn(1 << 14);
	private eventTime = new FloatColumn(1 << 14);
	private eventValueIds: IntColumn[];
	// Per case slot.
	private caseIds: string[] = [];
	private caseValues: (string | undefined)[][] = [];
	private caseValueTimes: number[][] = [];
	private lastId: string | undefined;
	private lastSlot = -1;
	private start = Infinity;
	private end = -Infinity;
	private readonly quality = new QualityNotes();

	constructor(options: LogBuilderOptions = {}) {
		this.eventAttributes = options.eventAttributes ?? [];
		this.caseAttributes = options.caseAttributes ?? [];
		this.valueInterners = this.eventAttributes.map(() => new Interner());
		this.eventValueIds = this.eventAttributes.map(() => new IntColumn(1 << 14));
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
		if (caseId !== this.lastId) {
			this.lastId = caseId;
			this.lastSlot = this.caseSlot(caseId);
		}
		this.addAt(this.lastSlot, this.activities.id(activity), time, eventValues, caseValues);
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
	 * string map, which is a large share of the cost for logs with many short cases. A reader
	 * that keeps the id's bytes may leave it out and name the cases in `finish`.
	 */
	newCase(caseId = ''): number {
		const slot = this.caseIds.length;
		this.caseIds.push(caseId);
		if (this.caseAttributes.length) {
			this.caseValues.push(this.caseAttributes.map(() => undefined));
			this.caseValueTimes.push(this.caseAttributes.map(() => Infinity));
		}
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
		// Only appends here: with thousands of cases open at once, every per-case counter touched
		// per row would be a cache miss. Counting and ordering wait for finish().
		this.eventCase.push(slot);
		this.eventAct.push(activityId);
		this.eventTime.push(time);
		for (let a = 0; a < this.eventValueIds.length; a++) {
			const value = eventValues?.[a];
			this.eventValueIds[a].push(value ? this.valueInterners[a].id(value) : -1);
		}
		for (let a = 0; a < this.caseAttributes.length; a++) {
			const value = caseValues?.[a];
			// Strictly earlier wins, so among tied events the first in the file keeps its value.
			if (value && time < this.caseValueTimes[slot][a]) {
				this.caseValues[slot][a] = value;
				this.caseValueTimes[slot][a] = time;
			}
		}
		if (time < this.start) this.start = time;
		if (time > this.end) this.end = time;
	}

	drop(reason: DropReason, line: number, example?: string): void {
		this.quality.note(reason, line, example);
	}

	note(reason: QualityIssue['reason'], line: number, example?: string): void {
		this.quality.note(reason, line, example);
	}

	get eventCount(): number {
		return this.eventCase.length;
	}

	/** `caseId` names the cases that `newCase` got without an id. */
	finish(caseId?: CaseNames): EventLog {
		const events = this.eventCase.length;
		const caseCount = this.caseIds.length;
		const eventCase = this.eventCase.data;
		// Counting sort by case, stable, so each case's events stay in file order.
		const offsets = new Int32Array(caseCount + 1);
		for (let e = 0; e < events; e++) offsets[eventCase[e] + 1]++;
		for (let c = 0; c < caseCount; c++) offsets[c + 1] += offsets[c];
		const next = offsets.slice(0, caseCount);
		const acts = new Int32Array(events);
		const times = new Float64Array(events);
		const fileActs = this.eventAct.data;
		const fileTimes = this.eventTime.data;
		const keepOrder = this.eventValueIds.length > 0;
		const order = new Int32Array(keepOrder ? events : 0);
		for (let e = 0; e < events; e++) {
			const at = next[eventCase[e]]++;
			acts[at] = fileActs[e];
			times[at] = fileTimes[e];
			if (keepOrder) order[at] = e;
		}
		this.eventCase = new IntColumn(0);
		this.eventAct = new IntColumn(0);
		this.eventTime = new FloatColumn(0);
		const valueIds = this.eventValueIds.map((column) => column.data);
		const cases: CaseTrace[] = [];
		let tied = 0;
		let unordered = 0;
		for (let c = 0; c < caseCount; c++) {
			const from = offsets[c];
			const length = offsets[c + 1] - from;
			for (let i = from + 1; i < from + length; i++) {
				if (times[i] < times[i - 1]) {
					unordered++;
					sortByTime(from, length, acts, times, order);
					break;
				}
			}
			// Exact-size arrays: a case costs its events and little more.
			const caseActs = new Array<number>(length);
			const caseTimes = new Array<number>(length);
			for (let i = 0; i < length; i++) {
				caseActs[i] = acts[from + i];
				caseTimes[i] = times[from + i];
				if (i > 0 && caseTimes[i] === caseTimes[i - 1]) tied++;
			}
			let eventValues = NONE_NUMBERS;
			if (valueIds.length) {
				eventValues = valueIds.map((ids) => {
					const values = new Array<number>(length);
					for (let i = 0; i < length; i++) values[i] = ids[order[from + i]];
					return values;
				});
			}
			cases.push({
				id: caseId ? caseId(c) : this.caseIds[c],
				acts: caseActs,
				times: caseTimes,
				eventValues,
				caseValues: this.caseAttributes.length ? this.caseValues[c] : NONE_VALUES
			});
		}
		this.eventAct = new IntColumn(0);
		this.eventTime = new FloatColumn(0);
		this.eventValueIds = [];
		this.caseIds = [];
		this.caseValues = [];
		this.caseValueTimes = [];
		this.slots.clear();
		this.lastId = undefined;
		return {
			activities: this.activities.values,
			cases,
			events,
			start: cases.length ? this.start : NaN,
			end: cases.length ? this.end : NaN,
			eventAttributes: this.eventAttributes,
			eventAttributeValues: this.valueInterners.map((interner) => interner.values),
			caseAttributes: this.caseAttributes,
			quality: this.quality.report(unordered, tied)
		};
	}
}

/** Stable sort of one case's events by time (they are in file order, so ties keep it). */
function sortByTime(
	from: number,
	length: number,
	acts: Int32Array,
	times: Float64Array,
	order: Int32Array
): void {
	const positions = Array.from({ length }, (_, i) => from + i);
	positions.sort((a, b) => times[a] - times[b] || a - b);
	const sortedActs = positions.map((p) => acts[p]);
	const sortedTimes = positions.map((p) => times[p]);
	const sortedOrder = order.length ? positions.map((p) => order[p]) : [];
	for (let i = 0; i < length; i++) {
		acts[from + i] = sortedActs[i];
		times[from + i] = sortedTimes[i];
		if (order.length) order[from + i] = sortedOrder[i];
	}
}
