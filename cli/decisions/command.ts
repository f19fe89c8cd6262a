import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { connectAsSuperuser, withServerOptions, type ServerOptions } from '../server-connection.ts';
import {
	formatReport,
	ImportFileError,
	importDecisions,
	parseDecisionsFile,
	type Body
} from './import.ts';

const BODIES: Body[] = ['gemeenteraad', 'college', 'districtsraad', 'districtscollege'];

export function registerDecisions(program: Command): void {
	const decisions = program.command('decisions').description('council and district decisions');
	withServerOptions(
		decisions
			.command('import')
			.argument(
				'<file>',
				'a JSON-LD (.jsonld, .json) or CSV (.csv) export of OSLO Besluit decisions'
			)
			.description(
				'load decisions from a linked-data export: all or nothing, with a report of what was skipped and why'
			)
	)
		.option('--body <body>', `deciding body when the file does not say (${BODIES.join(', ')})`)
		.option(
			'--publish',
			'publish at once (each needs a plain-language summary, a text and a motivation); default: drafts'
		)
		.option('--skip-invalid', 'import the valid decisions and report the others as skipped')
		.option('--dry-run', 'check and report, write nothing')
		.action(
			async (
				file: string,
				options: ServerOptions & {
					body?: string;
					publish?: boolean;
					skipInvalid?: boolean;
					dryRun?: boolean;
				}
			) => {
				if (options.body && !BODIES.includes(options.body as Body)) {
					throw new CliError(`--body must be one of ${BODIES.join(', ')}.`, 2);
				}
				let text: string;
				try {
					text = readFileSync(file, 'utf8');
				} catch {
					throw new CliError(`Cannot read ${file}.`, 2);
				}
				let parsed;
				try {
					parsed = parseDecisionsFile(file, text, { defaultBody: options.body as Body });
				} catch (error) {
					if (error instanceof ImportFileError)
						throw new CliError(`Nothing imported from ${file}: ${error.message}`);
					throw error;
				}
				const pb = await connectAsSuperuser(options);
				let report;
				try {
					report = await importDecisions(pb, parsed, options);
				} catch (error) {
					if (error instanceof ImportFileError) throw new CliError(error.message);
					throw error;
				}
				const output = formatReport(report, options);
				if (report.errors.length) {
					process.stderr.write(output);
					process.exitCode = 1;
				} else process.stdout.write(output);
			}
		);
}
