import { describe, expect, it } from 'vitest';
import { describe as durationStatistics, summarize } from './summary.ts';
import { buildLog, sequences } from './test-log.ts';
import { variantLogOf } from './variant-log.ts';
import { topVariants } from './variants.ts';

describe('summarize', () => {
	it('computes the basics of a hand-made log', () => {
		const log = sequences({ a: ['A', 'B', 'B', 'C'], b: ['A', 'C'], c: ['A', 'B', 'B', 'C'] });
		const summary = summarize(variantLogOf(log));
		expect(summary).toMatchObject({
			events: 10,
			cases: 3,
			activities: 3,
			droppedRows: 0,
			variants: 2,
			startActivities: { A: 3 },
			endActivities: { C: 3 },
			rework: { B: 2 }
		});
		expect(summary.directlyFollows).toEqual([
			{ from: 'A', to: 'B', count: 2 },
			{ from: 'B', to: 'B', count: 2 },
			{ from: 'B', to: 'C', count: 2 },
			{ from: 'A', to: 'C', count: 1 }
		]);
		// Durations 3, 1 and 3 minutes.
		expect(summary.caseDuration).toEqual({ min: 60, median: 180, mean: 140, max: 180 });
	});

	it('orders events by time and keeps file order for ties', () => {
		const log = buildLog([
			['x', 'C', '2024-01-01T10:02:00Z'],
			['x', 'A', '2024-01-01T10:00:00Z'],
			['x', 'B2', '2024-01-01T10:01:00Z'],
			['x', 'B1', '2024-01-01T10:01:00Z']
		]);
		expect(topVariants(variantLogOf(log)).top[0].activities).toEqual(['A', 'B2', 'B1', 'C']);
		expect(log.quality.unorderedCases).toBe(1);
		expect(log.quality.tiedEvents).toBe(1);
	});

	it('compares times, not text, when offsets differ', () => {
		// 10:30+02:00 is 08:30Z, before 09:00Z.
		const log = buildLog([
			['x', 'late', '2024-06-01T09:00:00Z'],
			['x', 'early', '2024-06-01T10:30:00+02:00']
		]);
		expect(topVariants(variantLogOf(log)).top[0].activities).toEqual(['early', 'late']);
		expect(summarize(variantLogOf(log)).caseDuration.max).toBe(1800);
	});

	it('takes the median of an even number of cases as the mean of the middle two', () => {
		const log = sequences({ a: ['A', 'B'], b: ['A', 'B', 'C'], c: ['A'], d: ['A', 'B', 'C', 'D'] });
		expect(summarize(variantLogOf(log)).caseDuration.median).toBe(90);
	});
});

describe('case duration statistics', () => {
	it('finds min, median, mean and max as sorting would, with runs of equal values', () => {
		// A seeded generator: the same cases every run, many of them with repeated values.
		let seed = 7;
		const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
		for (const n of [1, 2, 3, 10, 11, 1000, 1001]) {
			const values = Float64Array.from({ length: n }, () => Math.floor(next() * 20) * 30);
			const sorted = [...values].sort((a, b) => a - b);
			const mid = n >> 1;
			const median = n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
			const result = durationStatistics(values);
			expect(result.median).toBe(median);
			expect(result.min).toBe(sorted[0]);
			expect(result.max).toBe(sorted[n - 1]);
			expect(result.mean).toBeCloseTo(sorted.reduce((a, b) => a + b, 0) / n, 9);
		}
	});

	it('leaves the durations it is given as they were', () => {
		const values = Float64Array.from([5, 1, 4, 2, 3]);
		durationStatistics(values);
		expect([...values]).toEqual([5, 1, 4, 2, 3]);
	});
});

describe('topVariants', () => {
	it('ranks paths by count with their share', () => {
		const log = sequences({ a: ['A', 'B'], b: ['A', 'B'], c: ['A', 'C'], d: ['A', 'B'] });
		const result = topVariants(variantLogOf(log), 1);
		expect(result.variants).toBe(2);
		expect(result.top).toEqual([{ rank: 1, activities: ['A', 'B'], cases: 3, share: 0.75 }]);
	});
});
