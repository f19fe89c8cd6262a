/** Builds the HTML report and writes it, with Chart.js read from node_modules and inlined. */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { EventLog } from '../analysis/event-log.ts';
import { CliError } from '../../cli-error.ts';
import { reportData, type ReportOptions } from './report-data.ts';
import { reportHtml } from './report-html.ts';
import type { PeriodLabels } from '../analysis/periods.ts';
import { MESSAGES, type Lang } from './messages.ts';

export interface WriteReportOptions extends ReportOptions {
	lang: Lang;
	out: string;
	title?: string;
	source: string;
	warnings: string[];
}

export function chartJsSource(): string {
	// The UMD build is not in chart.js's exports map, so find it beside the package's main file.
	try {
		const main = createRequire(import.meta.url).resolve('chart.js');
		return readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
	} catch {
		throw new CliError('cannot find node_modules/chart.js/dist/chart.umd.min.js; run npm install.');
	}
}

/** The groups of --split-at in the report's language. */
export function periodLabels(lang: Lang): (date: string) => PeriodLabels {
	const t = MESSAGES[lang];
	return (date) => ({ by: t.period, before: t.before(date), from: t.fromDate(date) });
}

export async function writeReport(log: EventLog, options: WriteReportOptions): Promise<void> {
	const data = reportData(log, options);
	const html = reportHtml(data, {
		lang: options.lang,
		title: options.title,
		source: options.source,
		by: options.byAttribute === undefined ? undefined : log.caseAttributes[options.byAttribute],
		minGroup: options.minGroup,
		warnings: options.warnings,
		chartJs: chartJsSource(),
		generatedAt: new Date(),
		cases: log.cases.length,
		events: log.events
	});
	try {
		writeFileSync(options.out, html);
	} catch (error) {
		throw new CliError(`cannot write the report to ${options.out}: ${(error as Error).message}.`);
	}
}
