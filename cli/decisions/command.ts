import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import PocketBase from 'pocketbase';
import { CliError } from '../cli-error.ts';
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
	decisions
		.command('import')
		.argument('<file>', 'a JSON-LD (.jsonld, .json) or CSV (.csv) export of OSLO Besluit decisions')
		.description(
			'load decisions from a linked-data export: all or nothing, with a report of what was skipped and why'
		)
		.option('--url <url>', 'the server', process.env.STADSSTEM_URL ?? 'http://127.0.0.1:8090')
		.option('--email <email>', 'superuser email', process.env.STADSSTEM_SUPERUSER_EMAIL)
		.option('--body <body>', `deciding body when the file does not say (${BODIES.join(', ')})`)
		.option('--publish', 'publish at once (each needs a plain-language summary); default: drafts')
		.option('--skip-invalid', 'import the valid decisions and report the others as skipped')
		.option('--dry-run', 'check and report, write nothing')
		.action(
			async (
				file: string,
				options: {
					url: string;
					email?: string;
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
				const password = process.env.STADSSTEM_SUPERUSER_PASSWORD;
				if (!options.email || !password) {
					throw new CliError(
						'Give --email (or STADSSTEM_SUPERUSER_EMAIL) and set STADSSTEM_SUPERUSER_PASSWORD.',
						2
					);
				}
				const pb = new PocketBase(options.url);
				try {
					await pb.collection('_superusers').authWithPassword(options.email, password);
				} catch {
					throw new CliError(
						`Could not log in to ${options.url} as ${options.email}: is the server running and the password right?`
					);
				}
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
