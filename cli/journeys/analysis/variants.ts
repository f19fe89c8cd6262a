/** The most common paths through the process. */
import type { VariantLog } from './variant-log.ts';

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

export function topVariants(log: VariantLog, top = 10): VariantsResult {
	const ranked: { count: number; path: number[] }[] = [];
	log.counts.forEach((count, node) => {
		if (count > 0) ranked.push({ count, path: log.trie.path(node) });
	});
	ranked.sort(
		(a, b) => b.count - a.count || a.path.length - b.path.length || comparePaths(a.path, b.path)
	);
	const total = log.cases;
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
