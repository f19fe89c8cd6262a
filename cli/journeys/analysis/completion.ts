/** Decides whether a case completed the process, from the best evidence the log offers. */
import type { CaseTrace, EventLog } from './event-log.ts';

export interface CompletionOptions {
	/** Index into `log.eventAttributes` of the event type; `complete` marks completion. */
	typeAttribute?: number;
	/** An activity that marks completion (e.g. the last funnel step). */
	completeActivity?: string;
}

export type CompletionRule = 'type-column' | 'activity' | 'none';

export function completionRule(
	log: EventLog,
	options: CompletionOptions
): {
	rule: CompletionRule;
	completed: (trace: CaseTrace) => boolean;
} {
	if (options.completeActivity !== undefined) {
		const act = log.activities.indexOf(options.completeActivity);
		return { rule: 'activity', completed: (trace) => act >= 0 && trace.acts.includes(act) };
	}
	const typeAttribute = options.typeAttribute;
	if (typeAttribute !== undefined) {
		const id = log.eventAttributeValues[typeAttribute].indexOf('complete');
		return {
			rule: 'type-column',
			completed: (trace) => id >= 0 && trace.eventValues[typeAttribute].includes(id)
		};
	}
	return { rule: 'none', completed: () => false };
}
