/**
 * Channel switching: cases that moved between channels (web → phone → desk …), where they
 * switched and how often such journeys still ended in completion.
 */
import type { EventLog } from './event-log.ts';
import { completionRule, type CompletionOptions, type CompletionRule } from './completion.ts';
import { ranked, type Count } from './dropouts.ts';

export interface ChannelSwitch {
	from: string;
	to: string;
	/** Number of times this switch happened. */
	switches: number;
	cases: number;
	completed: number;
	completionRate: number;
	/** Last activity before the switch, most common first. */
	after: Count[];
}

export interface ChannelPath {
	path: string[];
	cases: number;
	completed: number;
	completionRate: number;
}

export interface ChannelsResult {
	cases: number;
	casesWithChannel: number;
	switchedCases: number;
	completionRule: CompletionRule;
	completionRate: { switched: number; notSwitched: number };
	switches: ChannelSwitch[];
	paths: ChannelPath[];
}

export interface ChannelOptions extends CompletionOptions {
	/** Index into `log.eventAttributes` of the channel. */
	channelAttribute: number;
	top?: number;
}

export function channelSwitches(log: EventLog, options: ChannelOptions): ChannelsResult {
	const channelNames = log.eventAttributeValues[options.channelAttribute];
	const { rule, completed } = completionRule(log, options);
	const switches = new Map<
		string,
		{
			from: string;
			to: string;
			switches: number;
			cases: number;
			completed: number;
			after: Map<string, number>;
		}
	>();
	const paths = new Map<string, ChannelPath>();
	let withChannel = 0;
	let switched = 0;
	let switchedDone = 0;
	let stayedDone = 0;
	for (const trace of log.cases) {
		const channels = trace.eventValues[options.channelAttribute];
		const path: number[] = [];
		const seenSwitches = new Set<string>();
		const done = completed(trace);
		let lastActivity = -1;
		for (let i = 0; i < channels.length; i++) {
			const channel = channels[i];
			if (channel >= 0) {
				if (path.length && path[path.length - 1] !== channel) {
					const from = channelNames[path[path.length - 1]];
					const to = channelNames[channel];
					const key = `${from}\u0000${to}`;
					let entry = switches.get(key);
					if (!entry) {
						entry = { from, to, switches: 0, cases: 0, completed: 0, after: new Map() };
						switches.set(key, entry);
					}
					entry.switches++;
					const after = log.activities[trace.acts[lastActivity]];
					entry.after.set(after, (entry.after.get(after) ?? 0) + 1);
					if (!seenSwitches.has(key)) {
						seenSwitches.add(key);
						entry.cases++;
						if (done) entry.completed++;
					}
				}
				if (path[path.length - 1] !== channel) path.push(channel);
				lastActivity = i;
			}
		}
		if (path.length === 0) continue;
		withChannel++;
		if (path.length > 1) {
			switched++;
			if (done) switchedDone++;
		} else if (done) stayedDone++;
		const names = path.map((id) => channelNames[id]);
		const key = names.join('\u0000');
		let entry = paths.get(key);
		if (!entry) {
			entry = { path: names, cases: 0, completed: 0, completionRate: 0 };
			paths.set(key, entry);
		}
		entry.cases++;
		if (done) entry.completed++;
	}
	const top = options.top ?? 3;
	return {
		cases: log.cases.length,
		casesWithChannel: withChannel,
		switchedCases: switched,
		completionRule: rule,
		completionRate: {
			switched: switched ? switchedDone / switched : 0,
			notSwitched: withChannel - switched ? stayedDone / (withChannel - switched) : 0
		},
		switches: [...switches.values()]
			.map((entry) => ({
				from: entry.from,
				to: entry.to,
				switches: entry.switches,
				cases: entry.cases,
				completed: entry.completed,
				completionRate: entry.cases ? entry.completed / entry.cases : 0,
				after: ranked(entry.after, top)
			}))
			.sort((a, b) => b.cases - a.cases || (a.from + a.to < b.from + b.to ? -1 : 1)),
		paths: [...paths.values()]
			.map((entry) => ({
				...entry,
				completionRate: entry.cases ? entry.completed / entry.cases : 0
			}))
			.sort((a, b) => b.cases - a.cases || (a.path.join() < b.path.join() ? -1 : 1))
	};
}
