// The staff page's numbers, from the same analysis core as `stadsstem journeys` ($journeys):
// one event log per process, the funnel over its steps, per channel and assisted or not, where
// people stopped and the findings ranked by impact.
import {
	compareSegments,
	dropouts,
	funnel,
	LogBuilder,
	rankFindings,
	type DropoutsResult,
	type EventLog,
	type Finding,
	type FunnelResult
} from '$journeys';

/** A journey event as staff read it from PocketBase. */
export interface JourneyRecord {
	journeyId: string;
	step: string;
	type: string;
	at: string;
	channel: string;
	assisted: boolean;
	detail?: string;
}

export interface ProcessAnalysis {
	steps: string[];
	journeys: number;
	/** Journeys with a `complete` event, whatever steps they took. */
	completed: number;
	/** Not completed, but active less than `BUSY_FOR_MS` ago: perhaps still answering. */
	busy: number;
	/** Neither completed nor busy. */
	stopped: number;
	events: number;
	funnel: FunnelResult;
	byChannel: FunnelResult;
	byAssisted: FunnelResult;
	dropouts: DropoutsResult;
	findings: Finding[];
}

/** Segments smaller than this are not compared (as the CLI's --min-group default). */
export const MIN_GROUP = 10;

/**
 * An attempt whose last event is more recent than this may still be under way: it counts as
 * busy, not as a drop-out. Filling in a survey or a melding takes minutes, not half an hour.
 */
export const BUSY_FOR_MS = 30 * 60 * 1000;

/** Case attributes: 0 = channel, 1 = assisted; event attributes: 0 = type, 1 = detail. */
export function buildLog(records: readonly JourneyRecord[]): EventLog {
	const builder = new LogBuilder({
		caseAttributes: ['channel', 'assisted'],
		eventAttributes: ['type', 'detail']
	});
	for (const record of records) {
		builder.add(
			record.journeyId,
			record.step,
			Date.parse(record.at.replace(' ', 'T')),
			[record.type, record.detail || undefined],
			[record.channel, String(record.assisted)]
		);
	}
	return builder.finish();
}

/**
 * The funnel's steps: those every completed journey passed (so a question only some people see
 * does not look like a drop-out), in the order they usually come. Without completions yet, every
 * step seen.
 */
export function funnelSteps(log: EventLog): string[] {
	const types = log.eventAttributeValues[0] ?? [];
	const errorId = types.indexOf('error');
	const completeId = types.indexOf('complete');
	const seen = log.cases.map((trace) => {
		const first = new Map<number, number>();
		trace.acts.forEach((act, i) => {
			if (trace.eventValues[0]?.[i] !== errorId && !first.has(act)) first.set(act, first.size);
		});
		return { first, completed: completeId >= 0 && trace.eventValues[0].includes(completeId) };
	});
	const completed = seen.filter((trace) => trace.completed);
	const basis = completed.length ? completed : seen;
	const counts = new Map<number, { cases: number; positions: number }>();
	for (const { first } of basis) {
		for (const [act, position] of first) {
			const entry = counts.get(act) ?? { cases: 0, positions: 0 };
			entry.cases++;
			entry.positions += position;
			counts.set(act, entry);
		}
	}
	return [...counts]
		.filter(([, entry]) => !completed.length || entry.cases === completed.length)
		.sort(
			([a, x], [b, y]) =>
				x.positions / x.cases - y.positions / y.cases ||
				y.cases - x.cases ||
				(log.activities[a] < log.activities[b] ? -1 : 1)
		)
		.map(([act]) => log.activities[act]);
}

export function analyseProcess(
	records: readonly JourneyRecord[],
	now: number = Date.now()
): ProcessAnalysis {
	const log = buildLog(records);
	const steps = funnelSteps(log);
	const options = { steps, staleAfterMs: BUSY_FOR_MS, asOfMs: now };
	const overall = funnel(log, options);
	const comparison =
		log.cases.length >= 2 * MIN_GROUP
			? compareSegments(log, { ...options, byAttribute: 0, minGroup: MIN_GROUP })
			: undefined;
	const completeId = log.eventAttributeValues[0]?.indexOf('complete') ?? -1;
	let completed = 0;
	let busy = 0;
	for (const trace of log.cases) {
		if (completeId >= 0 && trace.eventValues[0].includes(completeId)) completed++;
		else if (now - trace.times[trace.times.length - 1] < BUSY_FOR_MS) busy++;
	}
	return {
		steps,
		journeys: log.cases.length,
		completed,
		busy,
		stopped: log.cases.length - completed - busy,
		events: log.events,
		funnel: overall,
		byChannel: funnel(log, { ...options, byAttribute: 0 }),
		byAssisted: funnel(log, { ...options, byAttribute: 1 }),
		dropouts: dropouts(log, { ...options, typeAttribute: 0, detailAttribute: 1, top: 5 }),
		findings: rankFindings(overall, comparison, 5)
	};
}
