/**
 * What a reader pushes rows into. LogBuilder keeps every event (for funnels, drop-outs, reports);
 * VariantLogBuilder keeps one path and two times per case (for summary and variants), so its
 * memory grows with cases, not events. Readers do not know which one they feed.
 */
import type { DataQuality, DropReason, QualityIssue } from './event-log.ts';
import type { Interner } from './interner.ts';

export interface EventSink {
	readonly activities: Interner;
	/** Adds one event by case id and activity name (readers without their own case lookup). */
	add(
		caseId: string,
		activity: string,
		time: number,
		eventValues?: readonly (string | undefined)[],
		caseValues?: readonly (string | undefined)[]
	): void;
	/** A slot for a case id the caller knows is new; the id may be named later (`CaseNames`). */
	newCase(caseId?: string): number;
	/** Adds one event by case slot and activity id (from `activities.id`): the fast path. */
	addAt(
		slot: number,
		activityId: number,
		time: number,
		eventValues?: readonly (string | undefined)[],
		caseValues?: readonly (string | undefined)[]
	): void;
	/** Records a row that could not become an event. */
	drop(reason: DropReason, line: number, example?: string): void;
	/** Records a row that was read but looked wrong (e.g. wrong number of fields). */
	note(reason: QualityIssue['reason'], line: number, example?: string): void;
}

/** Names the cases a reader created with `newCase()` and no id. */
export type CaseNames = (slot: number) => string;

const MAX_EXAMPLES = 5;

/** The rows a reader dropped or found odd, with the first few line numbers and values. */
export class QualityNotes {
	private readonly issues = new Map<QualityIssue['reason'], QualityIssue>();

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

	/** Adds the notes of a later part of the same input, whose line numbers start at `lineOffset`. */
	merge(issues: readonly QualityIssue[], lineOffset: number): void {
		for (const part of issues) {
			let issue = this.issues.get(part.reason);
			if (!issue) {
				issue = { reason: part.reason, count: 0, lines: [], examples: [] };
				this.issues.set(part.reason, issue);
			}
			issue.count += part.count;
			for (const line of part.lines)
				if (issue.lines.length < MAX_EXAMPLES) issue.lines.push(line + lineOffset);
			for (const example of part.examples)
				if (issue.examples.length < MAX_EXAMPLES) issue.examples.push(example);
		}
	}

	report(unorderedCases: number, tiedEvents: number): DataQuality {
		let droppedRows = 0;
		for (const issue of this.issues.values()) {
			if (issue.reason !== 'malformed-row') droppedRows += issue.count;
		}
		return { droppedRows, issues: [...this.issues.values()], unorderedCases, tiedEvents };
	}
}
