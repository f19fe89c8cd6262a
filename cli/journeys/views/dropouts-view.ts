import type { DropoutsResult } from '../analysis/dropouts.ts';
import type { Cell, View } from '../output.ts';

export function dropoutsView(result: DropoutsResult): View {
	const csvRows: Cell[][] = [];
	for (const step of result.steps) {
		for (const last of step.lastEvents)
			csvRows.push([step.step, step.stopped, 'lastEvent', last.name, last.cases]);
		for (const error of step.errors)
			csvRows.push([step.step, step.stopped, 'error', error.name, error.cases]);
	}
	const list = (counts: { name: string; cases: number }[]) =>
		counts.map((count) => `${count.name} (${count.cases})`).join('; ');
	return {
		json: result,
		csv: { headers: ['notReached', 'stopped', 'kind', 'name', 'cases'], rows: csvRows },
		tables: [
			{
				title: `${result.stopped} cases stopped before the end (${result.completed} completed, ${result.inProgress} in progress)`,
				headers: ['did not reach', 'stopped', 'last event (cases)', 'errors met (cases)'],
				rows: result.steps.map((s) => [
					s.step,
					s.stopped,
					list(s.lastEvents),
					list(s.errors) || '—'
				]),
				numeric: [false, true, false, false]
			}
		],
		notes: [
			result.errorRule === 'type-column'
				? 'Errors are events with type "error".'
				: 'Errors are events whose activity name mentions an error, failure, timeout or rejection.'
		]
	};
}
