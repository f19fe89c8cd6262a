/** The most common paths through the process. */
import type { EventLog } from './event-log.ts';
import { indexVariants } from './variant-trie.ts';

export interface Variant {
	rank: number;
	activities: string[];
	cases: number;
	/** Share of all cases, 0..1. */
	share: number;
}

export interface VariantsResult {
	cases: number;
	variants: number;
	top: Variant[];
}

export function topVariants(log: EventLog, top = 10): VariantsResult {
	const index = indexVariants(log);
	const ranked = index.variants
		.map((node) => ({ node, count: index.counts[node], path: index.path(node) }))
		.sort(
			(a, b) => b.count - a.count || a.path.length - b.path.length || comparePaths(a.path, b.path)
		);
	const total = log.cases.length;
	return {
		cases: total,
		variants: ranked.length,
		top: ranked.slice(0, Math.max(0, top)).map((variant, i) => ({
			rank: i + 1,
			activities: variant.path.map((act) => log.activities[act]),
			cases: variant.count,
			share: total ? variant.count / total : 0
		}))
	};
}

function comparePaths(a: number[], b: number[]): number {
	for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
	return a.length - b.length;
}
