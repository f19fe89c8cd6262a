/**
 * A log reduced to what `summary` and `variants` need: each case as the trie node of its path of
 * activities, plus its duration. VariantLogBuilder makes one while the file is read, keeping three
 * numbers per case and nothing per event, so memory grows with cases, not events (DESIGN.md §7).
 * That needs each case's events in time order in the input, which journey exports and most event
 * logs have; the first event out of order throws UnorderedCase and the caller reads the full log
 * instead (variantLogOf), which sorts.
 */
import type { DataQuality, DropReason, EventLog, QualityIssue } from './event-log.ts';
import { QualityNotes, type EventSink } from './event-sink.ts';
import { Interner } from './interner.ts';
import { VariantTrie } from './variant-trie.ts';

export interface VariantLog {
	readonly activities: readonly string[];
	readonly events: number;
	readonly cases: number;
	readonly trie: VariantTrie;
	/** Cases whose path ends on each trie node (0 for nodes that are only prefixes). */
	readonly counts: Int32Array;
	/** Seconds from the first to the last event, per case. */
	readonly durations: Float64Array;
	readonly quality: DataQuality;
}

/**
 * What one reader of a part of a file found, to be joined into the reader of the parts before it
 * (see cli/journeys/input/csv-parts.ts). Plain arrays, so it can cross to another thread.
 */
export interface VariantLogPart {
	activities: string[];
	/** The part's trie: parent and activity of each node (node 0 is the root). */
	parent: Int32Array;
	activity: Int32Array;
	/** Per case of the part: its trie node, first and last time. */
	node: Int32Array;
	first: Float64Array;
	last: Float64Array;
	events: number;
	tied: number;
	issues: QualityIssue[];
}

/** A case had an event earlier than one before it in the file: the log must be sorted first. */
export class UnorderedCase extends Error {
	constructor() {
		super('a case has events out of time order');
	}
}

export class VariantLogBuilder implements EventSink {
	readonly activities = new Interner();
	private readonly trie = new VariantTrie();
	private readonly quality = new QualityNotes();
	private readonly slots = new Map<string, number>();
	private lastId: string | undefined;
	private lastSlot = -1;
	// Per case slot: its trie node, first and last time.
	private node = new Int32Array(1 << 14);
	private first = new Float64Array(1 << 14);
	private last = new Float64Array(1 << 14);
	private cases = 0;
	private events = 0;
	private tied = 0;

	add(caseId: string, activity: string, time: number): void {
		if (caseId !== this.lastId) {
			let slot = this.slots.get(caseId);
			if (slot === undefined) {
				slot = this.newCase();
				this.slots.set(caseId, slot);
			}
			this.lastId = caseId;
			this.lastSlot = slot;
		}
		this.addAt(this.lastSlot, this.activities.id(activity), time);
	}

	/** Cases so far; the next newCase() returns this number. */
	get caseCount(): number {
		return this.cases;
	}

	newCase(): number {
		if (this.cases === this.node.length) this.grow();
		const slot = this.cases++;
		this.node[slot] = 0;
		this.last[slot] = -Infinity;
		return slot;
	}

	addAt(slot: number, activityId: number, time: number): void {
		const last = this.last[slot];
		if (time < last) throw new UnorderedCase();
		// Equal times keep file order, as the full log's stable sort does.
		if (time === last) this.tied++;
		const node = this.node[slot];
		if (node === 0) this.first[slot] = time;
		this.last[slot] = time;
		this.node[slot] = this.trie.child(node, activityId);
		this.events++;
	}

	drop(reason: DropReason, line: number, example?: string): void {
		this.quality.note(reason, line, example);
	}

	note(reason: QualityIssue['reason'], line: number, example?: string): void {
		this.quality.note(reason, line, example);
	}

	/** This builder's findings as a part, for another builder to join. */
	part(): VariantLogPart {
		const cases = this.cases;
		return {
			activities: [...this.activities.values],
			parent: Int32Array.from(this.trie.parent),
			activity: Int32Array.from(this.trie.activity),
			node: this.node.slice(0, cases),
			first: this.first.slice(0, cases),
			last: this.last.slice(0, cases),
			events: this.events,
			tied: this.tied,
			issues: this.quality.report(0, 0).issues
		};
	}

	/**
	 * Adds a part read after everything this builder has seen. `slotFor` gives the slot of each of
	 * the part's cases: an existing one when the case started earlier, else a `newCase()`.
	 */
	join(part: VariantLogPart, slotFor: (partCase: number) => number, lineOffset: number): void {
		const acts = part.activities.map((name) => this.activities.id(name));
		// The part's trie mapped onto this one; a parent always comes before its children.
		const nodes = new Int32Array(part.parent.length);
		for (let n = 1; n < nodes.length; n++)
			nodes[n] = this.trie.child(nodes[part.parent[n]], acts[part.activity[n]]);
		for (let c = 0; c < part.node.length; c++) {
			const slot = slotFor(c);
			const node = this.node[slot];
			const first = part.first[c];
			if (node === 0) {
				this.node[slot] = nodes[part.node[c]];
				this.first[slot] = first;
			} else {
				// The case goes on from an earlier part: its path continues from where it was.
				if (first < this.last[slot]) throw new UnorderedCase();
				if (first === this.last[slot]) this.tied++;
				const path: number[] = [];
				for (let n = part.node[c]; n > 0; n = part.parent[n]) path.push(acts[part.activity[n]]);
				let joined = node;
				for (let i = path.length - 1; i >= 0; i--) joined = this.trie.child(joined, path[i]);
				this.node[slot] = joined;
			}
			this.last[slot] = part.last[c];
		}
		this.events += part.events;
		this.tied += part.tied;
		this.quality.merge(part.issues, lineOffset);
	}

	finish(): VariantLog {
		const counts = new Int32Array(this.trie.size);
		const durations = new Float64Array(this.cases);
		for (let c = 0; c < this.cases; c++) {
			counts[this.node[c]]++;
			durations[c] = (this.last[c] - this.first[c]) / 1000;
		}
		return {
			activities: this.activities.values,
			events: this.events,
			cases: this.cases,
			trie: this.trie,
			counts,
			durations,
			quality: this.quality.report(0, this.tied)
		};
	}

	private grow(): void {
		const capacity = this.node.length * 2;
		const node = new Int32Array(capacity);
		const first = new Float64Array(capacity);
		const last = new Float64Array(capacity);
		node.set(this.node);
		first.set(this.first);
		last.set(this.last);
		this.node = node;
		this.first = first;
		this.last = last;
	}
}

/** The variant log of a full (sorted) event log. */
export function variantLogOf(log: EventLog): VariantLog {
	const trie = new VariantTrie();
	const ends = log.cases.map((trace) => {
		let node = 0;
		for (const act of trace.acts) node = trie.child(node, act);
		return node;
	});
	const counts = new Int32Array(trie.size);
	for (const node of ends) counts[node]++;
	return {
		activities: log.activities,
		events: log.events,
		cases: log.cases.length,
		trie,
		counts,
		durations: Float64Array.from(
			log.cases,
			(trace) => (trace.times[trace.times.length - 1] - trace.times[0]) / 1000
		),
		quality: log.quality
	};
}
