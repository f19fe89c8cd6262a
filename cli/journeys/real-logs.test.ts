import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { funnel } from './analysis/funnel.ts';
import { summarize, type Summary } from './analysis/summary.ts';
import { UTC } from './analysis/timestamps.ts';
import { topVariants } from './analysis/variants.ts';
import { variantLogOf } from './analysis/variant-log.ts';
import { loadLog, loadVariantLog, type LoadOptions } from './load-log.ts';
import { PM4PY_SUMMARIES } from './real-logs.expected.ts';

const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const LOGS = path.resolve(repoRoot, '../shared/data/event-logs');

const options = (extra: Partial<LoadOptions> = {}): LoadOptions => ({
	columns: {},
	zone: UTC,
	caseAttributes: [],
	eventAttributes: [],
	...extra
});

/** Sorts directly-follows like the expectations so order does not matter. */
function normalise(summary: Summary): Summary {
	const directlyFollows = [...summary.directlyFollows].sort((a, b) =>
		a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1
	);
	return { ...summary, directlyFollows };
}

describe('summary equals pm4py 2.7 on the real logs', () => {
	// Both ways in: straight from the file (summary's path) and via the full, sorted log.
	it.each(
		Object.keys(PM4PY_SUMMARIES).flatMap((file) => [
			[file, 'read straight'],
			[file, 'full log']
		])
	)('%s (%s)', async (file, way) => {
		const source = path.join(LOGS, file);
		const log =
			way === 'full log'
				? variantLogOf(await loadLog(source, options()))
				: await loadVariantLog(source, options());
		const actual = normalise(summarize(log));
		const expected = PM4PY_SUMMARIES[file];
		const { caseDuration, ...rest } = actual;
		const { caseDuration: expectedDuration, ...expectedRest } = expected;
		expect(rest).toEqual(expectedRest);
		// Means are summed in a different order than Python's fmean.
		for (const key of ['min', 'median', 'mean', 'max'] as const) {
			expect(caseDuration[key]).toBeCloseTo(expectedDuration[key], 6);
		}
		expect(Object.keys(actual)).toEqual(Object.keys(expected));
	});
});

// Values from cli/journeys/fixtures/independent_expected.py (pm4py.get_variants and a separate
// Python implementation of the ordered funnel), run by hand and pasted here.
describe('funnel and variants on the real logs', () => {
	const sepsisSteps = [
		'ER Registration',
		'ER Triage',
		'ER Sepsis Triage',
		'IV Antibiotics',
		'Admission NC',
		'Release A'
	];

	it('sepsis funnel, overall and by InfectionSuspected', async () => {
		const log = await loadLog(
			path.join(LOGS, 'sepsis.csv'),
			options({ caseAttributes: [{ name: 'InfectionSuspected', required: true }] })
		);
		const result = funnel(log, { steps: sepsisSteps, byAttribute: 0 });
		expect(result.cases).toBe(1050);
		expect(result.steps.map((s) => s.reached)).toEqual([1050, 1044, 1027, 802, 674, 571]);
		expect(result.segments.true.cases).toBe(848);
		expect(result.segments.true.steps.map((s) => s.reached)).toEqual([
			848, 843, 827, 793, 667, 565
		]);
		expect(result.segments.false.cases).toBe(202);
		expect(result.segments.false.steps.map((s) => s.reached)).toEqual([202, 201, 200, 9, 7, 6]);
	});

	it('sepsis top variants', async () => {
		const result = topVariants(await loadVariantLog(path.join(LOGS, 'sepsis.csv'), options()), 5);
		expect(result.variants).toBe(846);
		expect(result.top.map((v) => v.cases)).toEqual([35, 24, 22, 13, 11]);
		expect(result.top[0].activities).toEqual(['ER Registration', 'ER Triage', 'ER Sepsis Triage']);
		expect(result.top[4].activities).toEqual([
			'ER Registration',
			'ER Triage',
			'ER Sepsis Triage',
			'Leucocytes',
			'CRP',
			'LacticAcid'
		]);
	});

	it('running example funnel, from CSV and XES alike', async () => {
		for (const file of ['running-example.csv', 'running-example.xes']) {
			const log = await loadLog(path.join(LOGS, file), options());
			const result = funnel(log, {
				steps: ['register request', 'check ticket', 'decide', 'pay compensation']
			});
			expect(result.steps.map((s) => s.reached)).toEqual([6, 6, 6, 3]);
		}
	});
});
