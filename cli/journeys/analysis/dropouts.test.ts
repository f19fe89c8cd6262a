import { describe, expect, it } from 'vitest';
import { dropouts } from './dropouts.ts';
import { buildLog, type Row } from './test-log.ts';

describe('dropouts', () => {
	it('reports the last event and the errors of cases that stopped, per step not reached', () => {
		const t = (minute: number) => Date.UTC(2024, 0, 1, 10, minute);
		const rows: Row[] = [
			['a', 'start', t(0), ['start', undefined]],
			['a', 'photo', t(1), ['error', 'too-large']],
			['a', 'photo', t(2), ['error', 'too-large']],
			['b', 'start', t(0), ['start', undefined]],
			['b', 'photo', t(1), ['error', 'wrong-type']],
			['c', 'start', t(0), ['start', undefined]],
			['c', 'where', t(1), ['step', undefined]],
			['d', 'start', t(0), ['start', undefined]],
			['d', 'where', t(1), ['step', undefined]],
			['d', 'submit', t(2), ['complete', undefined]]
		];
		const log = buildLog(rows, { eventAttributes: ['type', 'detail'] });
		const result = dropouts(log, {
			steps: ['start', 'where', 'submit'],
			typeAttribute: 0,
			detailAttribute: 1
		});
		expect(result).toMatchObject({
			stopped: 3,
			completed: 1,
			inProgress: 0,
			errorRule: 'type-column'
		});
		const where = result.steps[1];
		expect(where.stopped).toBe(2);
		expect(where.lastEvents).toEqual([{ name: 'photo', cases: 2 }]);
		expect(where.errors).toEqual([
			{ name: 'photo: too-large', cases: 1 },
			{ name: 'photo: wrong-type', cases: 1 }
		]);
		expect(where.casesWithErrors).toBe(2);
		expect(result.steps[2]).toMatchObject({
			stopped: 1,
			lastEvents: [{ name: 'where', cases: 1 }],
			errors: []
		});
	});

	it('recognises errors by activity name when there is no type column', () => {
		const log = buildLog([
			['a', 'start', 0],
			['a', 'Upload failed', 1]
		]);
		const result = dropouts(log, { steps: ['start', 'done'] });
		expect(result.errorRule).toBe('activity-name');
		expect(result.steps[1].errors).toEqual([{ name: 'Upload failed', cases: 1 }]);
	});
});
