/**
 * Before and after a change: segments cases by when they started, so the funnel, the comparison
 * and the report can set the cases that started before a date against those that started on or
 * after it (PERSONAS.md: Sara compares the same funnel before and after the fix).
 */
import type { EventLog } from './event-log.ts';

export interface PeriodLabels {
	/** Name of the segmenting attribute, e.g. "period". */
	by: string;
	before: string;
	from: string;
}

/** The log with one case attribute, `labels.by`: `before` or `from` by the case's first event. */
export function splitByStart(log: EventLog, at: number, labels: PeriodLabels): EventLog {
	return {
		...log,
		caseAttributes: [labels.by],
		// Earlier before later, whichever group is larger.
		caseAttributeOrder: [[labels.before, labels.from]],
		cases: log.cases.map((trace) => ({
			...trace,
			caseValues: [trace.times[0] < at ? labels.before : labels.from]
		}))
	};
}
