/** Plain-language data quality warnings, for stderr and the report. */
import type { EventLog, QualityIssue } from './analysis/event-log.ts';

const REASONS: Record<QualityIssue['reason'], string> = {
	'missing-case': 'rows without a case id were dropped',
	'missing-activity': 'rows without an activity were dropped',
	'missing-time': 'rows without a timestamp were dropped',
	'bad-time': 'rows with a timestamp that could not be read were dropped',
	'malformed-row': 'rows had fewer fields than the header or a broken quote'
};

export function qualityWarnings(log: Pick<EventLog, 'quality'>): string[] {
	const warnings = log.quality.issues.map((issue) => {
		const lines = issue.lines.join(', ') + (issue.count > issue.lines.length ? ', …' : '');
		const examples = issue.examples.length
			? `; for example ${issue.examples.map((e) => JSON.stringify(e)).join(', ')}`
			: '';
		return `${issue.count} ${REASONS[issue.reason]} (line ${lines}${examples}).`;
	});
	if (log.quality.unorderedCases > 0) {
		warnings.push(
			`${log.quality.unorderedCases} cases had events out of time order in the input; they were sorted by time.`
		);
	}
	return warnings;
}
