/**
 * A prefix tree of activity sequences. Each case walks it once; cases with the same path end on
 * the same node, so a variant is a node id and no per-case string key is ever built.
 */
import type { EventLog } from './event-log.ts';

export interface VariantIndex {
	/** Variant node of each case, in `log.cases` order. */
	readonly caseVariant: Int32Array;
	/** Cases per node id (0 for nodes that are only prefixes). */
	readonly counts: number[];
	/** The activity sequence of a node. */
	path(node: number): number[];
	/** Node ids that end at least one case. */
	readonly variants: number[];
}

export function indexVariants(log: EventLog): VariantIndex {
	const width = log.activities.length + 1;
	const children = new Map<number, number>();
	const parent: number[] = [-1];
	const activity: number[] = [-1];
	const counts: number[] = [0];
	const caseVariant = new Int32Array(log.cases.length);
	log.cases.forEach((trace, c) => {
		let node = 0;
		for (const act of trace.acts) {
			const key = node * width + act;
			let child = children.get(key);
			if (child === undefined) {
				child = parent.length;
				parent.push(node);
				activity.push(act);
				counts.push(0);
				children.set(key, child);
			}
			node = child;
		}
		counts[node]++;
		caseVariant[c] = node;
	});
	const variants: number[] = [];
	for (let node = 0; node < counts.length; node++) if (counts[node] > 0) variants.push(node);
	return {
		caseVariant,
		counts,
		variants,
		path(node: number): number[] {
			const acts: number[] = [];
			for (let n = node; n > 0; n = parent[n]) acts.push(activity[n]);
			return acts.reverse();
		}
	};
}
