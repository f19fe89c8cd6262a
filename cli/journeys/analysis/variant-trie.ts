/**
 * A prefix tree of activity sequences. Each case walks it once; cases with the same path end on
 * the same node, so a variant is a node id and no per-case string key is ever built.
 */
export class VariantTrie {
	/** Parent node and last activity of each node; node 0 is the empty path. */
	readonly parent: number[] = [-1];
	readonly activity: number[] = [-1];
	private readonly children = new Map<number, number>();
	// Most nodes have one usual next step: a one-entry cache per node skips the map for it.
	private readonly cachedAct: number[] = [-1];
	private readonly cachedChild: number[] = [-1];

	get size(): number {
		return this.parent.length;
	}

	/** The node reached from `node` by one more activity. */
	child(node: number, act: number): number {
		if (this.cachedAct[node] === act) return this.cachedChild[node];
		// 2^20 activities is far beyond any log; below that the key is exact.
		const key = node * 1048576 + act;
		let child = this.children.get(key);
		if (child === undefined) {
			child = this.parent.length;
			this.parent.push(node);
			this.activity.push(act);
			this.cachedAct.push(-1);
			this.cachedChild.push(-1);
			this.children.set(key, child);
		}
		this.cachedAct[node] = act;
		this.cachedChild[node] = child;
		return child;
	}

	/** The activity sequence of a node. */
	path(node: number): number[] {
		const acts: number[] = [];
		for (let n = node; n > 0; n = this.parent[n]) acts.push(this.activity[n]);
		return acts.reverse();
	}
}
