import type { ChannelsResult } from '../analysis/channels.ts';
import { percent, round, type View } from '../output.ts';

export function channelsView(result: ChannelsResult): View {
	const rate = (value: number) => (result.completionRule === 'none' ? 'n/a' : percent(value));
	const notes = [
		`${result.switchedCases} of ${result.casesWithChannel} cases switched channel.`,
		result.completionRule === 'none'
			? 'Completion is unknown: the log has no type column; name the completing activity with --complete.'
			: `Completion: ${rate(result.completionRate.switched)} for cases that switched, ${rate(result.completionRate.notSwitched)} for cases that did not.`
	];
	return {
		json: result,
		csv: {
			headers: ['from', 'to', 'switches', 'cases', 'completed', 'completionRate', 'after'],
			rows: result.switches.map((s) => [
				s.from,
				s.to,
				s.switches,
				s.cases,
				s.completed,
				round(s.completionRate, 6),
				s.after.map((a) => `${a.name} (${a.cases})`).join('; ')
			])
		},
		tables: [
			{
				title: 'Channel switches',
				headers: ['from', 'to', 'switches', 'cases', 'completed', 'after (most common)'],
				rows: result.switches.map((s) => [
					s.from,
					s.to,
					s.switches,
					s.cases,
					rate(s.completionRate),
					s.after.map((a) => `${a.name} (${a.cases})`).join('; ')
				]),
				numeric: [false, false, true, true, true, false]
			},
			{
				title: 'Channel paths',
				headers: ['path', 'cases', 'completed'],
				rows: result.paths
					.slice(0, 15)
					.map((p) => [p.path.join(' → '), p.cases, rate(p.completionRate)]),
				numeric: [false, true, true]
			}
		],
		notes
	};
}
