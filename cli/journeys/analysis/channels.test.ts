import { describe, expect, it } from 'vitest';
import { channelSwitches } from './channels.ts';
import { buildLog, type Row } from './test-log.ts';

describe('channelSwitches', () => {
	it('finds switches, where they happened and whether they ended in completion', () => {
		const t = (minute: number) => Date.UTC(2024, 0, 1, 10, minute);
		const rows: Row[] = [
			// web → phone → desk, completed
			['a', 'start', t(0), ['web', 'start']],
			['a', 'where', t(1), ['web', 'step']],
			['a', 'call', t(2), ['phone', 'step']],
			['a', 'visit', t(3), [undefined, 'step']],
			['a', 'submit', t(4), ['desk', 'complete']],
			// web → phone, not completed
			['b', 'start', t(0), ['web', 'start']],
			['b', 'call', t(1), ['phone', 'step']],
			// web only, completed
			['c', 'start', t(0), ['web', 'start']],
			['c', 'submit', t(1), ['web', 'complete']],
			// web only, stopped
			['d', 'start', t(0), ['web', 'start']]
		];
		const log = buildLog(rows, { eventAttributes: ['channel', 'type'] });
		const result = channelSwitches(log, { channelAttribute: 0, typeAttribute: 1 });
		expect(result).toMatchObject({
			cases: 4,
			casesWithChannel: 4,
			switchedCases: 2,
			completionRule: 'type-column'
		});
		expect(result.completionRate).toEqual({ switched: 0.5, notSwitched: 0.5 });
		expect(result.switches).toEqual([
			{
				from: 'web',
				to: 'phone',
				switches: 2,
				cases: 2,
				completed: 1,
				completionRate: 0.5,
				after: [
					{ name: 'start', cases: 1 },
					{ name: 'where', cases: 1 }
				]
			},
			{
				from: 'phone',
				to: 'desk',
				switches: 1,
				cases: 1,
				completed: 1,
				completionRate: 1,
				after: [{ name: 'call', cases: 1 }]
			}
		]);
		expect(result.paths.map((p) => [p.path.join('>'), p.cases, p.completed])).toEqual([
			['web', 2, 1],
			['web>phone', 1, 0],
			['web>phone>desk', 1, 1]
		]);
	});

	it('can take completion from an activity', () => {
		const log = buildLog(
			[
				['a', 'start', 0, ['web']],
				['a', 'done', 1, ['desk']]
			],
			{ eventAttributes: ['channel'] }
		);
		const result = channelSwitches(log, { channelAttribute: 0, completeActivity: 'done' });
		expect(result.switches[0]).toMatchObject({ from: 'web', to: 'desk', completed: 1 });
	});
});
