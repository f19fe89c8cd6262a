import { formatSeconds } from '../analysis/durations.ts';
import type { FunnelResult, FunnelTable } from '../analysis/funnel.ts';
import { percent, round, type Cell, type Table, type View } from '../output.ts';

export function funnelView(result: FunnelResult): View {
	const json = {
		cases: result.cases,
		inProgress: result.inProgress,
		steps: result.steps.map(jsonStep),
		by: result.by,
		segments: Object.fromEntries(
			Object.entries(result.segments).map(([label, table]) => [
				label,
				{ cases: table.cases, inProgress: table.inProgress, steps: table.steps.map(jsonStep) }
			])
		),
		stepTimes: result.stepTimes
	};
	const csvRows: Cell[][] = [];
	const addCsv = (segment: string, table: FunnelTable) => {
		for (const step of table.steps) {
			csvRows.push([
				segment,
				step.name,
				step.reached,
				step.inProgress,
				step.dropped,
				round(step.conversionFromPrevious, 6),
				round(step.conversionFromStart, 6),
				round(step.ci95[0], 6),
				round(step.ci95[1], 6)
			]);
		}
	};
	addCsv('(all)', result);
	for (const [label, table] of Object.entries(result.segments)) addCsv(label, table);
	const tables: Table[] = [stepTable(`Funnel over ${result.cases} cases`, result)];
	for (const [label, table] of Object.entries(result.segments)) {
		tables.push(stepTable(`${result.by} = ${label} (${table.cases} cases)`, table));
	}
	if (result.stepTimes.length) {
		tables.push({
			title: 'Time between steps',
			headers: ['from', 'to', 'cases', 'median', 'p90'],
			rows: result.stepTimes.map((t) => [
				t.from,
				t.to,
				t.cases,
				formatSeconds(t.median),
				formatSeconds(t.p90)
			]),
			numeric: [false, false, true, true, true]
		});
	}
	const notes: string[] = [];
	if (result.inProgress) {
		notes.push(
			`${result.inProgress} cases are still in progress; they are not counted as drop-outs.`
		);
	}
	notes.push(
		'Conversion is from the previous step; the 95 % interval (Wilson) is for that conversion.'
	);
	return {
		json,
		csv: {
			headers: [
				'segment',
				'step',
				'reached',
				'inProgress',
				'dropped',
				'conversionFromPrevious',
				'conversionFromStart',
				'ci95Low',
				'ci95High'
			],
			rows: csvRows
		},
		tables,
		notes
	};
}

function jsonStep(step: FunnelTable['steps'][number]) {
	return {
		name: step.name,
		reached: step.reached,
		inProgress: step.inProgress,
		dropped: step.dropped,
		conversionFromPrevious: step.conversionFromPrevious,
		conversionFromStart: step.conversionFromStart,
		ci95: step.ci95
	};
}

function stepTable(title: string, table: FunnelTable): Table {
	return {
		title,
		headers: [
			'step',
			'reached',
			'in progress',
			'dropped',
			'from previous',
			'95 % interval',
			'from start'
		],
		rows: table.steps.map((step) => [
			step.name,
			step.reached,
			step.inProgress,
			step.dropped,
			percent(step.conversionFromPrevious),
			`${percent(step.ci95[0])} – ${percent(step.ci95[1])}`,
			percent(step.conversionFromStart)
		]),
		numeric: [false, true, true, true, true, true, true]
	};
}
