/** The process-mining basics, defined to match pm4py 2.7 on the same log. */
import type { VariantLog } from './variant-log.ts';

export interface DirectlyFollows {
	from: string;
	to: string;
	count: number;
}

export interface Summary {
	events: number;
	cases: number;
	activities: number;
	droppedRows: number;
	variants: number;
	startActivities: Record<string, number>;
	endActivities: Record<string, number>;
	directlyFollows: DirectlyFollows[];
	caseDuration: { min: number; median: number; mean: number; max: number };
	rework: Record<string, number>;
}

/**
 * Every count here is a property of a case's path, so it is computed once per variant and
 * weighted by the variant's cases: a million cases on twenty paths cost twenty walks.
 */
export function summarize(log: VariantLog): Summary {
	const n = log.activities.length;
	const starts = new Float64Array(n);
	const ends = new Float64Array(n);
	const rework = new Float64Array(n);
	const seen = new Int32Array(n);
	const used = new Uint8Array(n);
	const follows = new Map<number, number>();
	let variants = 0;
	log.counts.forEach((cases, node) => {
		if (cases === 0) return;
		variants++;
		const acts = log.trie.path(node);
		const last = acts.length - 1;
		starts[acts[0]] += cases;
		ends[acts[last]] += cases;
		for (let i = 0; i <= last; i++) {
			const act = acts[i];
			used[act] = 1;
			// seen[] counts per path; the second occurrence makes it rework exactly once.
			if (++seen[act] === 2) rework[act] += cases;
			if (i < last) {
				const key = act * n + acts[i + 1];
				follows.set(key, (follows.get(key) ?? 0) + cases);
			}
		}
		for (const act of acts) seen[act] = 0;
	});
	const names = log.activities;
	const directlyFollows = [...follows]
		.map(([key, count]) => ({ from: names[Math.floor(key / n)], to: names[key % n], count }))
		.sort((a, b) => b.count - a.count || compare(a.from, b.from) || compare(a.to, b.to));
	return {
		events: log.events,
		cases: log.cases,
		activities: used.reduce((sum, flag) => sum + flag, 0),
		droppedRows: log.quality.droppedRows,
		variants,
		startActivities: countsByName(names, starts),
		endActivities: countsByName(names, ends),
		directlyFollows,
		caseDuration: describe(log.durations),
		rework: countsByName(names, rework)
	};
}

/** min, median (mean of the middle two for even counts, like numpy), mean, max. */
export function describe(values: Float64Array): Summary['caseDuration'] {
	const n = values.length;
	if (n === 0) return { min: 0, median: 0, mean: 0, max: 0 };
	let sum = 0;
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < n; i++) {
		const value = values[i];
		sum += value;
		if (value < min) min = value;
		if (value > max) max = value;
	}
	// A selection, not a sort: a million cases need their middle value, not their order.
	const work = values.slice();
	const mid = n >> 1;
	const upper = select(work, mid);
	let median = upper;
	if (n % 2 === 0) {
		// After selecting `mid`, everything before it is no larger: the lower middle is their maximum.
		let lower = -Infinity;
		for (let i = 0; i < mid; i++) if (work[i] > lower) lower = work[i];
		median = (lower + upper) / 2;
	}
	return { min, median, mean: sum / n, max };
}

/**
 * The k-th smallest value (0-based), leaving smaller values before index k and larger after
 * (Hoare's selection, middle element as pivot, three-way partition for runs of equal values).
 */
export function select(values: Float64Array, k: number): number {
	let low = 0;
	let high = values.length - 1;
	while (low < high) {
		const pivot = values[(low + high) >>> 1];
		// Dutch national flag: [low, lt) < pivot, [lt, i) = pivot, (gt, high] > pivot.
		let lt = low;
		let gt = high;
		let i = low;
		while (i <= gt) {
			const value = values[i];
			if (value < pivot) {
				values[i++] = values[lt];
				values[lt++] = value;
			} else if (value > pivot) {
				values[i] = values[gt];
				values[gt--] = value;
			} else i++;
		}
		if (k < lt) high = lt - 1;
		else if (k > gt) low = gt + 1;
		else return pivot;
	}
	return values[k];
}

function countsByName(names: readonly string[], counts: Float64Array): Record<string, number> {
	const entries: [string, number][] = [];
	counts.forEach((count, id) => {
		if (count > 0) entries.push([names[id], count]);
	});
	entries.sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
	return Object.fromEntries(entries);
}

export function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
