import { describe, expect, it } from 'vitest';
import {
	benjaminiHochberg,
	differenceInterval,
	fisherExact,
	logGamma,
	proportionTest,
	twoProportionTest,
	wilson
} from './statistics.ts';

// Reference values computed with SciPy (binomtest(...).proportion_ci('wilson'), fisher_exact,
// chi2_contingency(correction=False), false_discovery_control) and from Newcombe (1998).
describe('statistics', () => {
	it('Wilson interval', () => {
		const [lo, hi] = wilson(81, 263);
		expect(lo).toBeCloseTo(0.2553, 4);
		expect(hi).toBeCloseTo(0.3662, 4);
		expect(wilson(0, 10)[0]).toBe(0);
		expect(wilson(0, 0)).toEqual([0, 1]);
	});

	it("Newcombe's hybrid score interval for a difference", () => {
		// Newcombe 1998, example (a): 56/70 − 48/80 → 0.0524 to 0.3339.
		const [lo, hi] = differenceInterval(56, 70, 48, 80);
		expect(lo).toBeCloseTo(0.0524, 3);
		expect(hi).toBeCloseTo(0.3339, 3);
	});

	it("Fisher's exact test, two-sided", () => {
		// Lady tasting tea: p = 0.4857.
		expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(0.485714, 5);
		// SciPy: fisher_exact([[1, 11], [9, 3]]) → 0.0027594561852
		expect(fisherExact(1, 11, 9, 3)).toBeCloseTo(0.002759, 5);
		expect(fisherExact(0, 5, 0, 5)).toBe(1);
	});

	it('two-proportion z test equals chi-square without continuity correction', () => {
		// SciPy: chi2_contingency([[15, 35], [25, 25]], correction=False) → p = 0.0412268333
		expect(twoProportionTest(15, 50, 25, 50)).toBeCloseTo(0.0412268333, 7);
	});

	it('uses the exact test for small expected counts', () => {
		expect(proportionTest(1, 4, 3, 4).test).toBe('fisher');
		expect(proportionTest(15, 50, 25, 50).test).toBe('z');
	});

	it('Benjamini–Hochberg', () => {
		// SciPy: false_discovery_control([0.01, 0.04, 0.03, 0.005])
		const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
		expect(q.map((v) => Number(v.toFixed(4)))).toEqual([0.02, 0.04, 0.04, 0.02]);
	});

	it('log-gamma', () => {
		expect(logGamma(10)).toBeCloseTo(Math.log(362880), 10);
		expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
	});
});
