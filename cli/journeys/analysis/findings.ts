/**
 * Findings ranked by impact = people lost × excess drop rate. A step's own loss counts against a
 * drop rate of zero; a segment's gap counts only the part above the other cases' drop rate, and
 * only when the comparison survived the multiple-testing correction.
 */
import type { CompareResult } from './compare.ts';
import type { FunnelResult } from './funnel.ts';

export interface StepLossFinding {
	kind: 'step-loss';
	step: string;
	previous: string | undefined;
	lost: number;
	dropRate: number;
	impact: number;
}

export interface SegmentGapFinding {
	kind: 'segment-gap';
	step: string;
	by: string;
	segment: string;
	/** People in the segment lost at this step. */
	lost: number;
	dropRate: number;
	restDropRate: number;
	/** People lost beyond what the other cases' drop rate predicts. */
	excessLost: number;
	q: number;
	impact: number;
}

export type Finding = StepLossFinding | SegmentGapFinding;

export function rankFindings(
	funnel: FunnelResult,
	comparison: CompareResult | undefined,
	limit = 10
): Finding[] {
	const findings: Finding[] = [];
	funnel.steps.forEach((step, index) => {
		if (step.dropped <= 0) return;
		const base = step.reached + step.dropped;
		const dropRate = step.dropped / base;
		findings.push({
			kind: 'step-loss',
			step: step.name,
			previous: index > 0 ? funnel.steps[index - 1].name : undefined,
			lost: step.dropped,
			dropRate,
			impact: step.dropped * dropRate
		});
	});
	const small = new Set(comparison?.segments.filter((s) => s.small).map((s) => s.name));
	for (const cell of comparison?.cells ?? []) {
		if (cell.verdict !== 'lower' || small.has(cell.segment) || cell.smallGroup) continue;
		const dropRate = 1 - cell.rate;
		const restDropRate = 1 - cell.restRate;
		const excess = dropRate - restDropRate;
		const lost = cell.n - cell.reached;
		findings.push({
			kind: 'segment-gap',
			step: cell.step,
			by: comparison!.by,
			segment: cell.segment,
			lost,
			dropRate,
			restDropRate,
			excessLost: excess * cell.n,
			q: cell.q,
			impact: lost * excess
		});
	}
	return findings.sort((a, b) => b.impact - a.impact).slice(0, limit);
}
