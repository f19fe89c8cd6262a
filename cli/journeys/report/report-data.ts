/** Gathers every analysis the report shows, with small groups already suppressed. */
import { compareSegments, type CompareResult } from '../analysis/compare.ts';
import { dropouts, type DropoutsResult } from '../analysis/dropouts.ts';
import type { EventLog } from '../analysis/event-log.ts';
import { rankFindings, type Finding } from '../analysis/findings.ts';
import { funnel, type FunnelResult, type FunnelTable } from '../analysis/funnel.ts';
import { summarize, type Summary } from '../analysis/summary.ts';
import { variantLogOf } from '../analysis/variant-log.ts';

export interface ReportOptions {
	steps: string[];
	byAttribute?: number;
	windowMs?: number;
	staleAfterMs?: number;
	typeAttribute?: number;
	detailAttribute?: number;
	minGroup: number;
}

export interface ReportData {
	summary: Summary;
	funnel: FunnelResult;
	/** Segments big enough to show, largest first. */
	segments: [string, FunnelTable][];
	suppressed: string[];
	comparison?: CompareResult;
	dropouts: DropoutsResult;
	findings: Finding[];
	selfLoops: { activity: string; count: number }[];
}

export function reportData(log: EventLog, options: ReportOptions): ReportData {
	const funnelResult = funnel(log, options);
	const entries = Object.entries(funnelResult.segments);
	const segments = entries.filter(([, table]) => table.cases >= options.minGroup);
	const suppressed = entries
		.filter(([, table]) => table.cases < options.minGroup)
		.map(([name]) => name);
	let comparison: CompareResult | undefined;
	if (options.byAttribute !== undefined) {
		const full = compareSegments(log, {
			...options,
			byAttribute: options.byAttribute,
			minGroup: options.minGroup
		});
		// Suppressed groups disappear from the report entirely, numbers included.
		comparison = {
			...full,
			cells: full.cells.filter((cell) => !suppressed.includes(cell.segment)),
			segments: full.segments.filter((s) => !s.small)
		};
	}
	const summary = summarize(variantLogOf(log));
	return {
		summary,
		funnel: funnelResult,
		segments,
		suppressed,
		comparison,
		dropouts: dropouts(log, options),
		findings: rankFindings(funnelResult, comparison),
		selfLoops: summary.directlyFollows
			.filter((df) => df.from === df.to)
			.map((df) => ({ activity: df.from, count: df.count }))
	};
}
