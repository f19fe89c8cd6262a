/**
 * Ordered funnels. A case reaches step 1 with any event of step 1, and step k when, after the
 * event where it reached step k−1, it has an event of step k (other events may come between).
 * The earliest such event is taken, which is the best any case can do. With a window, step k only
 * counts within the window after step 1. Cases that have not finished and whose last event is
 * more recent than `staleAfter` before the log's end are "in progress": they wait at their next
 * step and count neither as converted nor as dropped there.
 */
import type { CaseTrace, EventLog } from './event-log.ts';
import { wilson } from './statistics.ts';

export interface FunnelOptions {
	steps: readonly string[];
	/** Index into `log.caseAttributes` to segment by. */
	byAttribute?: number;
	windowMs?: number;
	staleAfterMs?: number;
	/** The moment `staleAfterMs` counts back from: the log's end unless given (the staff page uses now). */
	asOfMs?: number;
}

export interface FunnelStep {
	name: string;
	reached: number;
	/** Cases in progress whose next step is this one. */
	inProgress: number;
	/** Cases that reached the previous step, are not in progress and did not reach this one. */
	dropped: number;
	/** reached / (reached at previous step − in progress here); step 1 is measured against all cases. */
	conversionFromPrevious: number;
	/** reached / (all cases − in progress up to and including this step). */
	conversionFromStart: number;
	/** Wilson 95 % interval of conversionFromPrevious. */
	ci95: [number, number];
}

export interface FunnelTable {
	cases: number;
	inProgress: number;
	steps: FunnelStep[];
}

export interface StepTime {
	from: string;
	to: string;
	cases: number;
	/** Seconds between reaching `from` and reaching `to`. */
	median: number;
	p90: number;
}

export interface FunnelResult extends FunnelTable {
	by?: string;
	segments: Record<string, FunnelTable>;
	stepTimes: StepTime[];
	/** Steps that never occur in the log, probably a typo. */
	unknownSteps: string[];
}

export const MISSING_SEGMENT = '(missing)';

/** Per-case funnel position: furthest step reached (0 = none) and whether it is still running. */
export interface CaseProgress {
	furthest: Uint8Array | Uint16Array;
	waiting: Uint8Array;
	/** Segment label of each case ('' when not segmenting). */
	segment: string[];
	/** The segments' natural order, when they have one; otherwise largest first. */
	order?: readonly string[];
}

export function caseProgress(
	log: EventLog,
	options: FunnelOptions,
	onReach?: ReachListener
): CaseProgress {
	const stepActs = options.steps.map((step) => log.activities.indexOf(step));
	const k = stepActs.length;
	const furthest = k < 255 ? new Uint8Array(log.cases.length) : new Uint16Array(log.cases.length);
	const waiting = new Uint8Array(log.cases.length);
	const segment: string[] = [];
	const window = options.windowMs ?? Infinity;
	const stale = options.staleAfterMs ?? 0;
	const end = options.asOfMs ?? log.end;
	const by = options.byAttribute;
	log.cases.forEach((trace, c) => {
		const reached = walk(trace, stepActs, window, onReach);
		furthest[c] = reached.steps;
		if (reached.steps < k && stale > 0) {
			const last = trace.times[trace.times.length - 1];
			const windowOpen = reached.steps === 0 || end - reached.firstTime <= window;
			if (end - last < stale && windowOpen) waiting[c] = 1;
		}
		segment.push(by === undefined ? '' : (trace.caseValues[by] ?? MISSING_SEGMENT));
	});
	const order = by === undefined ? undefined : log.caseAttributeOrder?.[by];
	return { furthest, waiting, segment, order };
}

/** Called for each step a case reaches after the first: the step index and time taken (ms). */
export type ReachListener = (step: number, elapsedMs: number) => void;

function walk(
	trace: CaseTrace,
	stepActs: number[],
	window: number,
	onReach?: ReachListener
): { steps: number; firstTime: number } {
	const { acts, times } = trace;
	let next = 0;
	let firstTime = NaN;
	let previousTime = NaN;
	for (let i = 0; i < acts.length && next < stepActs.length; i++) {
		if (acts[i] !== stepActs[next]) continue;
		if (next === 0) firstTime = times[i];
		else if (times[i] - firstTime > window) break;
		else onReach?.(next, times[i] - previousTime);
		previousTime = times[i];
		next++;
	}
	return { steps: next, firstTime };
}

/** Builds the step table from per-case positions, for the cases selected by `include`. */
export function funnelTable(
	steps: readonly string[],
	progress: CaseProgress,
	include: (c: number) => boolean = () => true
): FunnelTable {
	const k = steps.length;
	const atLeast = new Float64Array(k + 1);
	const waitingAt = new Float64Array(k + 1);
	let cases = 0;
	let inProgress = 0;
	const n = progress.furthest.length;
	for (let c = 0; c < n; c++) {
		if (!include(c)) continue;
		cases++;
		const f = progress.furthest[c];
		atLeast[f]++;
		if (progress.waiting[c]) {
			waitingAt[f]++;
			inProgress++;
		}
	}
	// atLeast[j] counts cases whose furthest is exactly j; accumulate from the end.
	for (let j = k - 1; j >= 0; j--) atLeast[j] += atLeast[j + 1];
	let waitingSoFar = 0;
	const table: FunnelStep[] = steps.map((name, index) => {
		const reached = atLeast[index + 1];
		const before = atLeast[index];
		const waitingHere = waitingAt[index];
		waitingSoFar += waitingHere;
		const base = before - waitingHere;
		const startBase = cases - waitingSoFar;
		return {
			name,
			reached,
			inProgress: waitingHere,
			dropped: base - reached,
			conversionFromPrevious: base > 0 ? reached / base : 0,
			conversionFromStart: startBase > 0 ? reached / startBase : 0,
			ci95: wilson(reached, base)
		};
	});
	return { cases, inProgress, steps: table };
}

export function funnel(log: EventLog, options: FunnelOptions): FunnelResult {
	const k = options.steps.length;
	const elapsed: number[][] = options.steps.map(() => []);
	const progress = caseProgress(log, options, (step, ms) => elapsed[step].push(ms / 1000));
	const overall = funnelTable(options.steps, progress);
	const segments: Record<string, FunnelTable> = {};
	if (options.byAttribute !== undefined) {
		for (const label of segmentLabels(progress)) {
			segments[label] = funnelTable(options.steps, progress, (c) => progress.segment[c] === label);
		}
	}
	const stepTimes: StepTime[] = [];
	for (let step = 1; step < k; step++) {
		const values = Float64Array.from(elapsed[step]).sort();
		stepTimes.push({
			from: options.steps[step - 1],
			to: options.steps[step],
			cases: values.length,
			median: quantile(values, 0.5),
			p90: quantile(values, 0.9)
		});
	}
	return {
		...overall,
		by: options.byAttribute === undefined ? undefined : log.caseAttributes[options.byAttribute],
		segments,
		stepTimes,
		unknownSteps: options.steps.filter((step) => !log.activities.includes(step))
	};
}

/** Segment labels, largest first. */
export function segmentLabels(progress: CaseProgress): string[] {
	const sizes = new Map<string, number>();
	for (const label of progress.segment) sizes.set(label, (sizes.get(label) ?? 0) + 1);
	const rank = (label: string) => {
		const index = progress.order?.indexOf(label) ?? -1;
		return index < 0 ? Infinity : index;
	};
	return [...sizes]
		.sort((a, b) => rank(a[0]) - rank(b[0]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.map(([label]) => label);
}

/** Linear-interpolation quantile of sorted values (numpy's default); 0 for none. */
export function quantile(sorted: Float64Array, q: number): number {
	if (sorted.length === 0) return 0;
	const position = (sorted.length - 1) * q;
	const low = Math.floor(position);
	const high = Math.ceil(position);
	return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}
