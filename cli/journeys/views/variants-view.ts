import type { VariantsResult } from '../analysis/variants.ts';
import { percent, round, type View } from '../output.ts';

export function variantsView(result: VariantsResult): View {
	return {
		json: result,
		csv: {
			headers: ['rank', 'cases', 'share', 'activities'],
			rows: result.top.map((v) => [v.rank, v.cases, round(v.share, 6), v.activities.join(' > ')])
		},
		tables: [
			{
				title: `${result.variants} variants over ${result.cases} cases; most common first`,
				headers: ['#', 'cases', 'share', 'path'],
				rows: result.top.map((v) => [v.rank, v.cases, percent(v.share), v.activities.join(' → ')]),
				numeric: [true, true, true, false]
			}
		]
	};
}
