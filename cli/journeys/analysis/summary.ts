/** The process-mining basics, defined to match pm4py 2.7 on the same log. */
import type { EventLog } from './event-log.ts';
import { indexVariants } from './variant-trie.ts';

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

export function summarize(log: EventLog): Summary {
	const n = log.activities.length;
	const starts = new Float64Array(n);
	const ends = new Float64Array(n);
	const rework = new Float64Array(n);
	const seen = new Int32Array(n);
	const follows = new Map<number, number>();
	const durations = new Float64Array(log.cases.length);
	const used = new Uint8Array(n);
	log.cases.forEach((trace, c) => {
		const acts = trace.acts;
		const last = acts.length - 1;
		starts[acts[0]]++;
		ends[acts[last]]++;
		durations[c] = (trace.times[last] - trace.times[0]) / 1000;
		for (let i = 0; i <= last; i++) {
			const act = acts[i];
			used[act] = 1;
			// seen[] counts per case; the second occurrence makes it rework exactly once.
			if (++seen[act] === 2) rework[act]++;
			if (i < last) {
				const key = act * n + acts[i + 1];
				follows.set(key, (follows.get(key) ?? 0) + 1);
			}
		}
		for (let i = 0; i <= last; i++) seen[acts[i]] = 0;
	});
	const names = log.activities;
	const directlyFollows = [...follows]
		.map(([key, count]) => ({ from: names[Math.floor(key / n)], to: names[key % n], count }))
		.sort((a, b) => b.count - a.count || compare(a.from, b.from) || compare(a.to, b.to));
	return {
		events: log.events,
		cases: log.cases.length,
		activities: used.reduce((sum, flag) => sum + flag, 0),
		droppedRows: log.quality.droppedRows,
		variants: indexVariants(log).variants.length,
		startActivities: countsByName(names, starts),
		endActivities: countsByName(names, ends),
		directlyFollows,
		caseDuration: describe(durations),
		rework: countsByName(names, rework)
	};
}

/** min, median (mean of the middle two for even counts, like numpy), mean, max. */
export function describe(values: Float64Array): Summary['caseDuration'] {
	if (values.length === 0) return { min: 0, median: 0, mean: 0, max: 0 };
	const sorted = values.slice().sort();
	const mid = sorted.length >> 1;
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	let sum = 0;
	for (const value of sorted) sum += value;
	return { min: sorted[0], median, mean: sum / sorted.length, max: sorted[sorted.length - 1] };
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
