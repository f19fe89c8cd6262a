/** Small, dependency-free statistics for proportions. */

export const Z95 = 1.959963984540054;

/** Wilson score interval for k successes out of n; [0, 1] when n is 0. */
export function wilson(k: number, n: number, z = Z95): [number, number] {
	if (n === 0) return [0, 1];
	const p = k / n;
	const z2 = z * z;
	const denominator = 1 + z2 / n;
	const centre = (p + z2 / (2 * n)) / denominator;
	const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
	return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Newcombe's hybrid score interval (method 10) for p1 − p2: behaves well for small groups and
 * proportions near 0 or 1, where the Wald interval does not.
 */
export function differenceInterval(
	k1: number,
	n1: number,
	k2: number,
	n2: number
): [number, number] {
	const p1 = n1 ? k1 / n1 : 0;
	const p2 = n2 ? k2 / n2 : 0;
	const [l1, u1] = wilson(k1, n1);
	const [l2, u2] = wilson(k2, n2);
	const d = p1 - p2;
	const lower = d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
	const upper = d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
	return [Math.max(-1, lower), Math.min(1, upper)];
}

/** Complementary error function with fractional error below 1.2e-7 (Numerical Recipes erfcc). */
export function erfc(x: number): number {
	const z = Math.abs(x);
	const t = 1 / (1 + 0.5 * z);
	const r =
		t *
		Math.exp(
			-z * z -
				1.26551223 +
				t *
					(1.00002368 +
						t *
							(0.37409196 +
								t *
									(0.09678418 +
										t *
											(-0.18628806 +
												t *
													(0.27886807 +
														t *
															(-1.13520398 +
																t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
		);
	return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of the pooled two-proportion z-test (same as Pearson's chi-square, 1 df). */
export function twoProportionTest(k1: number, n1: number, k2: number, n2: number): number {
	if (n1 === 0 || n2 === 0) return 1;
	const pooled = (k1 + k2) / (n1 + n2);
	const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
	if (se === 0) return 1;
	const z = (k1 / n1 - k2 / n2) / se;
	return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
	-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
	1.5056327351493116e-7
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	x -= 1;
	let a = LANCZOS[0];
	const t = x + 7.5;
	for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
	return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

function logChoose(n: number, k: number): number {
	return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * Fisher's exact test, two-sided, for the table [[a, b], [c, d]]: the sum of the probabilities
 * of all tables with the same margins that are no more likely than the observed one (as R and
 * SciPy do, with a small relative tolerance for ties).
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
	const row1 = a + b;
	const col1 = a + c;
	const total = a + b + c + d;
	const minA = Math.max(0, col1 - (total - row1));
	const maxA = Math.min(row1, col1);
	const logDenominator = logChoose(total, col1);
	const logP = (x: number) =>
		logChoose(row1, x) + logChoose(total - row1, col1 - x) - logDenominator;
	const observed = logP(a);
	let p = 0;
	for (let x = minA; x <= maxA; x++) {
		const lp = logP(x);
		if (lp <= observed + 1e-7) p += Math.exp(lp);
	}
	return Math.min(1, p);
}

/**
 * p-value for comparing k1/n1 with k2/n2: Fisher's exact test when any expected cell count is
 * below 5 (where the normal approximation is poor), the two-proportion z-test otherwise.
 */
export function proportionTest(
	k1: number,
	n1: number,
	k2: number,
	n2: number
): { p: number; test: 'fisher' | 'z' } {
	const total = n1 + n2;
	const successes = k1 + k2;
	const failures = total - successes;
	const smallest = total ? (Math.min(n1, n2) * Math.min(successes, failures)) / total : 0;
	if (smallest < 5) return { p: fisherExact(k1, n1 - k1, k2, n2 - k2), test: 'fisher' };
	return { p: twoProportionTest(k1, n1, k2, n2), test: 'z' };
}

/** Benjamini–Hochberg adjusted p-values (q-values), in input order. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
	const m = pValues.length;
	const order = pValues.map((_, i) => i).sort((a, b) => pValues[b] - pValues[a]);
	const q = new Array<number>(m);
	let running = 1;
	order.forEach((index, rankFromTop) => {
		const rank = m - rankFromTop;
		running = Math.min(running, (pValues[index] * m) / rank);
		q[index] = running;
	});
	return q;
}
