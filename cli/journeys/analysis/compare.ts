/**
 * Segment comparison: for every step, each segment's step conversion (from the previous step)
 * against all other cases, with a difference interval, an exact or z test and Benjamini–Hochberg
 * correction over every cell, because many segments × steps invite false alarms.
 */
import type { EventLog } from './event-log.ts';
import { caseProgress, funnelTable, segmentLabels, type FunnelOptions } from './funnel.ts';
import { benjaminiHochberg, differenceInterval, proportionTest } from './statistics.ts';

export type Verdict = 'higher' | 'lower' | 'no-evidence' | 'no-data';

export interface ComparisonCell {
	step: string;
	segment: string;
	/** Segment cases deciding at this step (reached the previous step, not in progress). */
	n: number;
	reached: number;
	rate: number;
	restN: number;
	restReached: number;
	restRate: number;
	/** Segment rate minus rest rate, in percentage points. */
	differencePp: number;
	ci95Pp: [number, number];
	p: number;
	/** Benjamini–Hochberg adjusted p-value across all cells. */
	q: number;
	test: 'fisher' | 'z' | 'none';
	verdict: Verdict;
	smallGroup: boolean;
}

export interface CompareResult {
	by: string;
	steps: string[];
	segments: { name: string; cases: number; small: boolean }[];
	cells: ComparisonCell[];
	minGroup: number;
	alpha: number;
}

export interface CompareOptions extends FunnelOptions {
	byAttribute: number;
	minGroup?: number;
	alpha?: number;
}

export function compareSegments(log: EventLog, options: CompareOptions): CompareResult {
	const minGroup = options.minGroup ?? 10;
	const alpha = options.alpha ?? 0.05;
	const progress = caseProgress(log, options);
	const all = funnelTable(options.steps, progress);
	const segments = segmentLabels(progress).map((name) => {
		const table = funnelTable(options.steps, progress, (c) => progress.segment[c] === name);
		return { name, table };
	});
	const cells: ComparisonCell[] = [];
	options.steps.forEach((step, index) => {
		const whole = all.steps[index];
		const wholeN = whole.reached + whole.dropped;
		for (const { name, table } of segments) {
			const own = table.steps[index];
			const n = own.reached + own.dropped;
			const restN = wholeN - n;
			const restReached = whole.reached - own.reached;
			const rate = n ? own.reached / n : 0;
			const restRate = restN ? restReached / restN : 0;
			const testable = n > 0 && restN > 0;
			const test = testable ? proportionTest(own.reached, n, restReached, restN) : undefined;
			const [lo, hi] = testable ? differenceInterval(own.reached, n, restReached, restN) : [-1, 1];
			cells.push({
				step,
				segment: name,
				n,
				reached: own.reached,
				rate,
				restN,
				restReached,
				restRate,
				differencePp: (rate - restRate) * 100,
				ci95Pp: [lo * 100, hi * 100],
				p: test?.p ?? 1,
				q: 1,
				test: test?.test ?? 'none',
				verdict: testable ? 'no-evidence' : 'no-data',
				smallGroup: n < minGroup
			});
		}
	});
	const tested = cells.filter((cell) => cell.test !== 'none');
	const q = benjaminiHochberg(tested.map((cell) => cell.p));
	tested.forEach((cell, i) => {
		cell.q = q[i];
		if (q[i] < alpha) cell.verdict = cell.differencePp > 0 ? 'higher' : 'lower';
	});
	return {
		by: log.caseAttributes[options.byAttribute],
		steps: [...options.steps],
		segments: segments.map(({ name, table }) => ({
			name,
			cases: table.cases,
			small: table.cases < minGroup
		})),
		cells,
		minGroup,
		alpha
	};
}
