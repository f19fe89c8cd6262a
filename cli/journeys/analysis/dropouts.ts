/**
 * Where cases that stopped were when they stopped: per funnel step they never reached, their
 * last event and the error events they met on the way.
 */
import type { CaseTrace, EventLog } from './event-log.ts';
import { caseProgress, type FunnelOptions } from './funnel.ts';

export interface Count {
	name: string;
	cases: number;
}

export interface DropoutStep {
	/** The step these cases did not reach. */
	step: string;
	stopped: number;
	lastEvents: Count[];
	errors: Count[];
	casesWithErrors: number;
}

export interface DropoutsResult {
	stopped: number;
	inProgress: number;
	completed: number;
	steps: DropoutStep[];
	/** How error events were recognised. */
	errorRule: 'type-column' | 'activity-name';
}

export interface DropoutOptions extends FunnelOptions {
	/** Index into `log.eventAttributes` of the event type (`error` marks errors). */
	typeAttribute?: number;
	/** Index into `log.eventAttributes` of the error detail code. */
	detailAttribute?: number;
	top?: number;
}

const ERROR_NAME = /error|fout|fail|mislukt|invalid|ongeldig|timeout|rejected|geweigerd/i;

export function dropouts(log: EventLog, options: DropoutOptions): DropoutsResult {
	const top = options.top ?? 5;
	const progress = caseProgress(log, options);
	const k = options.steps.length;
	const isError = errorClassifier(log, options);
	const last = options.steps.map(() => new Map<string, number>());
	const errors = options.steps.map(() => new Map<string, number>());
	const stopped = new Array<number>(k).fill(0);
	const withErrors = new Array<number>(k).fill(0);
	let inProgress = 0;
	let completed = 0;
	log.cases.forEach((trace, c) => {
		const furthest = progress.furthest[c];
		if (furthest === k) return void completed++;
		if (progress.waiting[c]) return void inProgress++;
		stopped[furthest]++;
		const lastAct = log.activities[trace.acts[trace.acts.length - 1]];
		increment(last[furthest], lastAct);
		const labels = new Set<string>();
		for (let i = 0; i < trace.acts.length; i++) {
			const label = isError(trace, i);
			if (label !== undefined) labels.add(label);
		}
		if (labels.size) withErrors[furthest]++;
		for (const label of labels) increment(errors[furthest], label);
	});
	return {
		stopped: stopped.reduce((a, b) => a + b, 0),
		inProgress,
		completed,
		errorRule: options.typeAttribute === undefined ? 'activity-name' : 'type-column',
		steps: options.steps.map((step, index) => ({
			step,
			stopped: stopped[index],
			lastEvents: ranked(last[index], top),
			errors: ranked(errors[index], top),
			casesWithErrors: withErrors[index]
		}))
	};
}

type ErrorLabel = (trace: CaseTrace, index: number) => string | undefined;

function errorClassifier(log: EventLog, options: DropoutOptions): ErrorLabel {
	const { typeAttribute, detailAttribute } = options;
	const label = (trace: CaseTrace, i: number): string => {
		const activity = log.activities[trace.acts[i]];
		if (detailAttribute === undefined) return activity;
		const detail = trace.eventValues[detailAttribute][i];
		return detail < 0
			? activity
			: `${activity}: ${log.eventAttributeValues[detailAttribute][detail]}`;
	};
	if (typeAttribute !== undefined) {
		const errorId = log.eventAttributeValues[typeAttribute].indexOf('error');
		return (trace, i) =>
			trace.eventValues[typeAttribute][i] === errorId && errorId >= 0 ? label(trace, i) : undefined;
	}
	const errorActs = log.activities.map((name) => ERROR_NAME.test(name));
	return (trace, i) => (errorActs[trace.acts[i]] ? label(trace, i) : undefined);
}

function increment(map: Map<string, number>, key: string): void {
	map.set(key, (map.get(key) ?? 0) + 1);
}

export function ranked(map: Map<string, number>, top: number): Count[] {
	return [...map]
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.slice(0, top)
		.map(([name, cases]) => ({ name, cases }));
}
