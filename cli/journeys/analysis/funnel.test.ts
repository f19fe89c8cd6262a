import { describe, expect, it } from 'vitest';
import { funnel } from './funnel.ts';
import { splitByStart } from './periods.ts';
import { buildLog, sequences, type Row } from './test-log.ts';

const steps = ['start', 'form', 'review', 'submit'];

describe('funnel', () => {
	it('follows the steps in order and allows other events between them', () => {
		const log = sequences({
			done: ['start', 'help', 'form', 'error', 'form', 'review', 'submit'],
			outOfOrder: ['start', 'review', 'form'], // review before form: reaches form only
			noStart: ['form', 'review', 'submit'],
			stopAtForm: ['start', 'form'],
			stopAtStart: ['start']
		});
		const result = funnel(log, { steps });
		expect(result.cases).toBe(5);
		expect(result.steps.map((s) => s.reached)).toEqual([4, 3, 1, 1]);
		expect(result.steps.map((s) => s.dropped)).toEqual([1, 1, 2, 0]);
		expect(result.steps[0].conversionFromPrevious).toBe(0.8);
		expect(result.steps[1].conversionFromPrevious).toBe(0.75);
		expect(result.steps[2].conversionFromStart).toBe(0.2);
		const [lo, hi] = result.steps[1].ci95;
		expect(lo).toBeCloseTo(0.3006418, 6); // Wilson interval for 3/4
		expect(hi).toBeCloseTo(0.9544127, 6);
	});

	it('counts a step only after the event that reached the previous step', () => {
		// The only "form" comes before "start", so this case never reaches "form".
		const log = sequences({ x: ['form', 'start', 'review'] });
		expect(funnel(log, { steps }).steps.map((s) => s.reached)).toEqual([1, 0, 0, 0]);
	});

	it('reports recent unfinished cases as in progress, not as drop-outs', () => {
		const day = 86_400_000;
		const t0 = Date.UTC(2024, 0, 1);
		const rows: Row[] = [
			['old', 'start', t0],
			['old', 'form', t0 + day],
			['recent', 'start', t0 + 29 * day],
			['recent', 'form', t0 + 29 * day + 1],
			['finished', 'start', t0 + 20 * day],
			['finished', 'form', t0 + 20 * day],
			['finished', 'review', t0 + 20 * day],
			['finished', 'submit', t0 + 30 * day]
		];
		const result = funnel(buildLog(rows), { steps, staleAfterMs: 14 * day });
		expect(result.inProgress).toBe(1);
		const review = result.steps[2];
		expect(review).toMatchObject({ reached: 1, inProgress: 1, dropped: 1 });
		expect(review.conversionFromPrevious).toBe(0.5); // 1 of the 2 decided cases
		expect(review.conversionFromStart).toBe(0.5);
		// Without --stale-after the recent case counts as dropped.
		expect(funnel(buildLog(rows), { steps }).steps[2]).toMatchObject({ reached: 1, dropped: 2 });
		// Counted back from a later moment than the log's end, nobody is recent any more.
		const later = funnel(buildLog(rows), {
			steps,
			staleAfterMs: 14 * day,
			asOfMs: t0 + 60 * day
		});
		expect(later.inProgress).toBe(0);
		expect(later.steps[2]).toMatchObject({ reached: 1, inProgress: 0, dropped: 2 });
	});

	it('lists the groups of a split by period earlier first, even when the later one is larger', () => {
		const t0 = Date.UTC(2026, 3, 1);
		const rows: Row[] = [
			['early', 'start', t0 - 1000],
			['late1', 'start', t0],
			['late2', 'start', t0 + 1000]
		];
		const log = splitByStart(buildLog(rows), t0, { by: 'period', before: 'before', from: 'from' });
		const result = funnel(log, { steps: ['start'], byAttribute: 0 });
		expect(Object.keys(result.segments)).toEqual(['before', 'from']);
		expect(result.segments.from.cases).toBe(2);
	});

	it('only counts later steps inside the window after step 1', () => {
		const day = 86_400_000;
		const rows: Row[] = [
			['fast', 'start', 0],
			['fast', 'form', day],
			['slow', 'start', 0],
			['slow', 'form', 40 * day]
		];
		const log = buildLog(rows.map(([c, a, t]) => [c, a, Date.UTC(2024, 0, 1) + Number(t)]));
		expect(funnel(log, { steps: ['start', 'form'], windowMs: 30 * day }).steps[1].reached).toBe(1);
		expect(funnel(log, { steps: ['start', 'form'] }).steps[1].reached).toBe(2);
	});

	it('segments by the case value, taking the earliest event that has one', () => {
		const rows: Row[] = [
			['a', 'form', '2024-01-01T10:01:00Z', [], ['phone']],
			['a', 'start', '2024-01-01T10:00:00Z', [], ['web']],
			['b', 'start', '2024-01-01T10:00:00Z', [], [undefined]],
			['b', 'form', '2024-01-01T10:01:00Z', [], ['web']],
			['c', 'start', '2024-01-01T10:00:00Z', [], [undefined]]
		];
		const log = buildLog(rows, { caseAttributes: ['channel'] });
		const result = funnel(log, { steps: ['start', 'form'], byAttribute: 0 });
		expect(result.by).toBe('channel');
		expect(Object.keys(result.segments)).toEqual(['web', '(missing)']);
		expect(result.segments.web.cases).toBe(2);
		expect(result.segments.web.steps.map((s) => s.reached)).toEqual([2, 2]);
		expect(result.segments['(missing)'].steps.map((s) => s.reached)).toEqual([1, 0]);
	});

	it('measures the time between steps', () => {
		const log = sequences({ a: ['start', 'x', 'form'], b: ['start', 'form'] });
		const [time] = funnel(log, { steps: ['start', 'form'] }).stepTimes;
		expect(time).toEqual({ from: 'start', to: 'form', cases: 2, median: 90, p90: 114 });
	});
});
