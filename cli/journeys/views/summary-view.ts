import { formatSeconds } from '../analysis/durations.ts';
import type { Summary } from '../analysis/summary.ts';
import type { Cell, View } from '../output.ts';

export function summaryView(summary: Summary): View {
	const csvRows: Cell[][] = [
		['overview', 'events', '', summary.events],
		['overview', 'cases', '', summary.cases],
		['overview', 'activities', '', summary.activities],
		['overview', 'droppedRows', '', summary.droppedRows],
		['overview', 'variants', '', summary.variants],
		...Object.entries(summary.caseDuration).map(([k, v]): Cell[] => ['caseDuration', k, '', v]),
		...Object.entries(summary.startActivities).map(([k, v]): Cell[] => [
			'startActivities',
			k,
			'',
			v
		]),
		...Object.entries(summary.endActivities).map(([k, v]): Cell[] => ['endActivities', k, '', v]),
		...summary.directlyFollows.map((df): Cell[] => ['directlyFollows', df.from, df.to, df.count]),
		...Object.entries(summary.rework).map(([k, v]): Cell[] => ['rework', k, '', v])
	];
	const d = summary.caseDuration;
	return {
		json: summary,
		csv: { headers: ['section', 'name', 'to', 'value'], rows: csvRows },
		tables: [
			{
				title: 'Overview',
				headers: ['measure', 'value'],
				rows: [
					['events', summary.events],
					['cases', summary.cases],
					['activities', summary.activities],
					['dropped rows', summary.droppedRows],
					['variants', summary.variants],
					['case duration min', formatSeconds(d.min)],
					['case duration median', formatSeconds(d.median)],
					['case duration mean', formatSeconds(d.mean)],
					['case duration max', formatSeconds(d.max)]
				],
				numeric: [false, true]
			},
			{
				title: 'Start activities',
				headers: ['activity', 'cases'],
				rows: Object.entries(summary.startActivities)
			},
			{
				title: 'End activities',
				headers: ['activity', 'cases'],
				rows: Object.entries(summary.endActivities)
			},
			{
				title: 'Directly follows (most frequent first)',
				headers: ['from', 'to', 'count'],
				rows: summary.directlyFollows.map((df) => [df.from, df.to, df.count])
			},
			{
				title: 'Rework (cases where an activity occurs more than once)',
				headers: ['activity', 'cases'],
				rows: Object.entries(summary.rework)
			}
		]
	};
}
