import type { CompareResult, ComparisonCell } from '../analysis/compare.ts';
import { percent, round, type View } from '../output.ts';

export function verdictText(cell: ComparisonCell): string {
	if (cell.verdict === 'no-data') return 'no data to compare';
	if (cell.verdict === 'no-evidence') return 'no evidence of a difference';
	return cell.verdict === 'lower' ? 'lower than the rest' : 'higher than the rest';
}

export function compareWarnings(result: CompareResult): string[] {
	return result.segments
		.filter((segment) => segment.small)
		.map(
			(segment) =>
				`${result.by} = ${segment.name} has only ${segment.cases} cases (under ${result.minGroup}); its numbers are too uncertain to act on.`
		);
}

export function compareView(result: CompareResult): View {
	const warnings = compareWarnings(result);
	const pp = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
	return {
		json: { ...result, warnings },
		csv: {
			headers: [
				'step',
				'segment',
				'n',
				'reached',
				'rate',
				'restN',
				'restReached',
				'restRate',
				'differencePp',
				'ci95LowPp',
				'ci95HighPp',
				'p',
				'q',
				'test',
				'verdict',
				'smallGroup'
			],
			rows: result.cells.map((c) => [
				c.step,
				c.segment,
				c.n,
				c.reached,
				round(c.rate, 6),
				c.restN,
				c.restReached,
				round(c.restRate, 6),
				round(c.differencePp, 4),
				round(c.ci95Pp[0], 4),
				round(c.ci95Pp[1], 4),
				c.p,
				c.q,
				c.test,
				c.verdict,
				c.smallGroup ? 'yes' : 'no'
			])
		},
		tables: [
			{
				title: `Step conversion by ${result.by}: each group against all others (Benjamini–Hochberg corrected)`,
				headers: [
					'step',
					result.by,
					'n',
					'rate',
					'rest',
					'difference (pp)',
					'95 % interval (pp)',
					'q',
					'verdict'
				],
				rows: result.cells.map((c) => [
					c.step,
					c.segment + (c.smallGroup ? ' (small)' : ''),
					c.n,
					percent(c.rate),
					percent(c.restRate),
					pp(c.differencePp),
					`${pp(c.ci95Pp[0])} to ${pp(c.ci95Pp[1])}`,
					c.test === 'none' ? '' : c.q < 0.001 ? '<0.001' : c.q.toFixed(3),
					verdictText(c)
				]),
				numeric: [false, false, true, true, true, true, true, true, false]
			}
		],
		notes: warnings
	};
}
