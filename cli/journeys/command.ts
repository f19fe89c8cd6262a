/** `stadsstem journeys …`: where people drop out of a process, for whom, and what to fix first. */
import { Command, Option } from 'commander';
import { channelSwitches } from './analysis/channels.ts';
import { compareSegments } from './analysis/compare.ts';
import { dropouts } from './analysis/dropouts.ts';
import { parseDuration } from './analysis/durations.ts';
import type { EventLog } from './analysis/event-log.ts';
import { funnel } from './analysis/funnel.ts';
import { summarize } from './analysis/summary.ts';
import { splitByStart, type PeriodLabels } from './analysis/periods.ts';
import { createZone, parseTimestamp, UTC, type Zone } from './analysis/timestamps.ts';
import { topVariants } from './analysis/variants.ts';
import { CliError } from '../cli-error.ts';
import type { AttributeRequest } from './input/read-request.ts';
import { loadLog, loadVariantLog, type InputFormat, type LoadOptions } from './load-log.ts';
import { render, type OutputFormat, type View } from './output.ts';
import { qualityWarnings } from './quality.ts';
import { channelsView } from './views/channels-view.ts';
import { compareView } from './views/compare-view.ts';
import { dropoutsView } from './views/dropouts-view.ts';
import { funnelView } from './views/funnel-view.ts';
import { summaryView } from './views/summary-view.ts';
import { variantsView } from './views/variants-view.ts';

interface CommonOptions {
	format: OutputFormat;
	case?: string;
	activity?: string;
	timestamp?: string;
	tz?: string;
	delimiter?: string;
	inputFormat?: InputFormat;
	from?: string;
	process?: string;
	quiet?: boolean;
	progress?: boolean;
}

interface FunnelFlags extends CommonOptions {
	steps: string;
	by?: string;
	splitAt?: string;
	window?: string;
	staleAfter?: string;
	minGroup: string;
	top?: string;
}

export function registerJourneys(program: Command): void {
	const journeys = program
		.command('journeys')
		.description(
			'analyse journey event logs: where people drop out, for whom, and what to fix first'
		);

	withCommon(
		journeys
			.command('summary')
			.argument('[FILE]', 'event log (CSV, JSON Lines, XES, .xes.gz) or - for stdin')
	)
		.description(
			'events, cases, variants, start/end activities, directly-follows, durations, rework'
		)
		.option(THREADS_FLAG, THREADS_HELP)
		.option(VERBOSE_FLAG, VERBOSE_HELP)
		.action(async (file: string | undefined, options: CommonOptions & ThreadFlags) => {
			const log = warn(await loadVariantLog(file, variantOptions(options)), options);
			emit(summaryView(summarize(log)), options);
		});

	withCommon(journeys.command('variants').argument('[FILE]', 'event log'))
		.description('the most common paths with counts and share')
		.option('--top <N>', 'how many variants to show', '10')
		.option(THREADS_FLAG, THREADS_HELP)
		.option(VERBOSE_FLAG, VERBOSE_HELP)
		.action(
			async (file: string | undefined, options: CommonOptions & ThreadFlags & { top: string }) => {
				const log = warn(await loadVariantLog(file, variantOptions(options)), options);
				emit(variantsView(topVariants(log, positiveInt(options.top, '--top'))), options);
			}
		);

	withFunnel(withCommon(journeys.command('funnel').argument('[FILE]', 'event log')))
		.description('ordered funnel over --steps, optionally per segment (--by)')
		.action(async (file: string | undefined, options: FunnelFlags) => {
			const log = segmented(await read(file, options, byRequest(options), []), options);
			const result = funnel(log, funnelOptions(log, options));
			emit(funnelView(result), options);
		});

	withFunnel(withCommon(journeys.command('compare').argument('[FILE]', 'event log')))
		.description('per step, each segment against the rest, with corrected tests')
		.action(async (file: string | undefined, options: FunnelFlags) => {
			if (!options.by && !options.splitAt)
				throw new CliError(
					'compare needs --by ATTR (for example --by channel) or --split-at DATE.',
					2
				);
			const log = segmented(await read(file, options, byRequest(options), []), options);
			const result = compareSegments(log, {
				...funnelOptions(log, options),
				byAttribute: 0,
				minGroup: positiveInt(options.minGroup, '--min-group')
			});
			emit(compareView(result), options);
		});

	withFunnel(withCommon(journeys.command('dropouts').argument('[FILE]', 'event log')))
		.description('for cases that stopped: their last event and the errors they met, per step')
		.action(async (file: string | undefined, options: FunnelFlags) => {
			const log = await read(file, options, [], [optional('type'), optional('detail')]);
			const result = dropouts(log, {
				...funnelOptions(log, options),
				typeAttribute: present(log, 0),
				detailAttribute: present(log, 1),
				top: options.top ? positiveInt(options.top, '--top') : 5
			});
			emit(dropoutsView(result), options);
		});

	withCommon(journeys.command('channels').argument('[FILE]', 'event log'))
		.description('cases that switched channel, where, and how often that ended in completion')
		.option('--channel-attr <NAME>', 'the column holding the channel', 'channel')
		.option(
			'--complete <ACTIVITY>',
			'the activity that marks completion (default: a type=complete event)'
		)
		.action(
			async (
				file: string | undefined,
				options: CommonOptions & { channelAttr: string; complete?: string }
			) => {
				const log = await read(
					file,
					options,
					[],
					[{ name: options.channelAttr, required: true }, optional('type')]
				);
				const result = channelSwitches(log, {
					channelAttribute: 0,
					typeAttribute: present(log, 1),
					completeActivity: options.complete
				});
				emit(channelsView(result), options);
			}
		);

	withFunnel(withCommon(journeys.command('report').argument('[FILE]', 'event log')))
		.description('a self-contained, accessible HTML report to share')
		.requiredOption('--out <FILE>', 'where to write the HTML report')
		.addOption(new Option('--lang <LANG>', 'report language').choices(['nl', 'en']).default('nl'))
		.option('--title <TEXT>', 'report title')
		.action(
			async (
				file: string | undefined,
				options: FunnelFlags & { out: string; lang: 'nl' | 'en'; title?: string }
			) => {
				const { periodLabels, writeReport } = await import('./report/write-report.ts');
				const log = segmented(
					await read(file, options, byRequest(options), [optional('type'), optional('detail')]),
					options,
					periodLabels(options.lang)
				);
				await writeReport(log, {
					...funnelOptions(log, options),
					byAttribute: segmenting(options),
					typeAttribute: present(log, 0),
					detailAttribute: present(log, 1),
					minGroup: positiveInt(options.minGroup, '--min-group'),
					lang: options.lang,
					out: options.out,
					title: options.title,
					source: file === '-' ? 'standard input' : (options.from ?? file ?? ''),
					warnings: qualityWarnings(log)
				});
				process.stderr.write(`report written to ${options.out}\n`);
			}
		);
}

function withCommon(command: Command): Command {
	return command
		.addOption(
			new Option('--format <FORMAT>', 'output format')
				.choices(['table', 'json', 'csv'])
				.default('table')
		)
		.option('--case <COLUMN>', 'column (or XES trace attribute) holding the case id')
		.option('--activity <COLUMN>', 'column holding the activity')
		.option('--timestamp <COLUMN>', 'column holding the time')
		.option('--tz <ZONE>', 'IANA time zone for timestamps without an offset (default UTC)')
		.option('--delimiter <CHAR>', 'CSV delimiter (default: detected)')
		.addOption(
			new Option(
				'--input-format <FORMAT>',
				'input format (default: from extension and content)'
			).choices(['csv', 'jsonl', 'xes'])
		)
		.option('--from <URL>', 'read journey_events from PocketBase (token in STADSSTEM_TOKEN)')
		.option('--process <NAME>', 'with --from: only this process, e.g. melding or survey:<slug>')
		.option('--quiet', 'do not print data quality warnings')
		.option('--progress', 'show a progress bar on stderr even when it is not a terminal')
		.option('--no-progress', 'never show a progress bar');
}

function withFunnel(command: Command): Command {
	return command
		.requiredOption('--steps <A,B,C>', 'funnel steps (activities), in order, comma separated')
		.option('--by <ATTR>', 'segment by a case attribute (case: column or first event value)')
		.option(
			'--split-at <DATE>',
			'segment by when cases started: before DATE against from DATE on (before and after a change)'
		)
		.option('--window <SPAN>', 'later steps only count within this span after step 1, e.g. 30d')
		.option(
			'--stale-after <SPAN>',
			'cases active within this span before the log end are in progress, e.g. 14d'
		)
		.option('--min-group <N>', 'smallest group to report on', '10')
		.option('--top <N>', 'how many items per list');
}

async function read(
	file: string | undefined,
	options: CommonOptions,
	caseAttributes: AttributeRequest[],
	eventAttributes: AttributeRequest[]
): Promise<EventLog> {
	return warn(await loadLog(file, loadOptions(options, caseAttributes, eventAttributes)), options);
}

const THREADS_FLAG = '--threads <N>';
const THREADS_HELP =
	'read a CSV file on N threads (default: one per processor core, for files of 64 MB per core)';

const VERBOSE_FLAG = '--verbose';
const VERBOSE_HELP = 'say how the file was read (threads, a second read to sort)';

interface ThreadFlags {
	threads?: string;
	verbose?: boolean;
}

function variantOptions(options: CommonOptions & ThreadFlags): LoadOptions {
	return {
		...loadOptions(options, [], []),
		threads: options.threads === undefined ? undefined : positiveInt(options.threads, '--threads'),
		onNote: options.verbose ? (message) => process.stderr.write(`note: ${message}\n`) : undefined
	};
}

function loadOptions(
	options: CommonOptions,
	caseAttributes: AttributeRequest[],
	eventAttributes: AttributeRequest[]
): LoadOptions {
	return {
		columns: { case: options.case, activity: options.activity, timestamp: options.timestamp },
		zone: zone(options.tz),
		caseAttributes,
		eventAttributes,
		delimiter: delimiter(options.delimiter),
		format: options.inputFormat,
		from: options.from,
		process: options.process,
		progress: options.progress
	};
}

/** Data quality warnings on stderr, unless --quiet. */
function warn<T extends Pick<EventLog, 'quality'>>(log: T, options: CommonOptions): T {
	if (!options.quiet) {
		for (const warning of qualityWarnings(log)) process.stderr.write(`warning: ${warning}\n`);
	}
	return log;
}

function emit(view: View, options: CommonOptions): void {
	process.stdout.write(render(view, options.format));
}

function funnelOptions(log: EventLog, options: FunnelFlags) {
	const steps = options.steps
		.split(',')
		.map((step) => step.trim())
		.filter((step) => step !== '');
	if (steps.length === 0) throw new CliError('--steps needs at least one activity name.', 2);
	const unknown = steps.filter((step) => !log.activities.includes(step));
	if (unknown.length) {
		const known = [...log.activities].sort().slice(0, 25).join(', ');
		throw new CliError(
			`step "${unknown[0]}" does not occur in the log; activities are: ${known}.`,
			2
		);
	}
	return {
		steps,
		byAttribute: segmenting(options),
		windowMs: span(options.window, '--window'),
		staleAfterMs: span(options.staleAfter, '--stale-after')
	};
}

function byRequest(options: FunnelFlags): AttributeRequest[] {
	if (options.by && options.splitAt)
		throw new CliError('use --by or --split-at, not both: each sets the groups.', 2);
	return options.by ? [{ name: options.by, required: true }] : [];
}

/** The case attribute that sets the groups: the --by column, or the period of --split-at. */
function segmenting(options: FunnelFlags): number | undefined {
	return options.by || options.splitAt ? 0 : undefined;
}

const CLI_PERIODS = (date: string): PeriodLabels => ({
	by: 'period',
	before: `before ${date}`,
	from: `from ${date}`
});

/** With --split-at, the log's cases grouped by when they started. */
function segmented(
	log: EventLog,
	options: FunnelFlags,
	labels: (date: string) => PeriodLabels = CLI_PERIODS
): EventLog {
	if (!options.splitAt) return log;
	const at = parseTimestamp(options.splitAt, zone(options.tz));
	if (Number.isNaN(at))
		throw new CliError(
			`--split-at needs a date such as 2026-04-01 (or a date and time), not "${options.splitAt}".`,
			2
		);
	return splitByStart(log, at, labels(options.splitAt));
}

function optional(name: string): AttributeRequest {
	return { name, required: false };
}

/** Index of an optional event attribute, or undefined when the log never has it. */
function present(log: EventLog, index: number): number | undefined {
	return log.eventAttributeValues[index]?.length ? index : undefined;
}

function span(text: string | undefined, flag: string): number | undefined {
	if (text === undefined) return undefined;
	const ms = parseDuration(text);
	if (ms === undefined || ms <= 0)
		throw new CliError(`${flag} needs a span such as 30d, 12h or 90m, not "${text}".`, 2);
	return ms;
}

function positiveInt(text: string, flag: string): number {
	const value = Number(text);
	if (!Number.isInteger(value) || value < 1)
		throw new CliError(`${flag} needs a whole number of 1 or more, not "${text}".`, 2);
	return value;
}

function zone(name: string | undefined): Zone {
	if (!name) return UTC;
	try {
		return createZone(name);
	} catch {
		throw new CliError(`--tz needs an IANA time zone such as Europe/Brussels, not "${name}".`, 2);
	}
}

function delimiter(text: string | undefined): string | undefined {
	if (text === undefined) return undefined;
	const value = text === '\\t' || text.toLowerCase() === 'tab' ? '\t' : text;
	if (value.length !== 1) throw new CliError(`--delimiter needs one character, not "${text}".`, 2);
	return value;
}
