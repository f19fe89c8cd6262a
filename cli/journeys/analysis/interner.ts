/** Maps strings to small consecutive integers so per-case sequences can be stored as numbers. */
export class Interner {
	readonly values: string[] = [];
	private readonly ids = new Map<string, number>();

	id(value: string): number {
		let id = this.ids.get(value);
		if (id === undefined) {
			id = this.values.length;
			this.values.push(value);
			this.ids.set(value, id);
		}
		return id;
	}

	lookup(value: string): number | undefined {
		return this.ids.get(value);
	}

	get size(): number {
		return this.values.length;
	}
}
