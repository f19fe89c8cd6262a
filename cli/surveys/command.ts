import { stat, writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { connectAsSuperuser, withServerOptions, type ServerOptions } from '../server-connection.ts';
import { exportResponses, importSurvey } from './publish.ts';
import {
	findSurveyFiles,
	formatProblem,
	lintLoadedSurvey,
	loadSurveys,
	SURVEYS_DIR,
	type FileProblem,
	type LoadResult
} from '../../surveys/load.ts';

interface OutputOptions {
	json?: boolean;
}

interface LintOptions extends OutputOptions {
	maxWarnings?: string;
}

/** Expands folders to their YAML files; no arguments means every survey under surveys/. */
async function resolveFiles(args: string[]): Promise<string[]> {
	if (args.length === 0) {
		const all = await findSurveyFiles(SURVEYS_DIR);
		if (all.length === 0)
			throw new CliError(`no survey files (.yaml) found in ${show(SURVEYS_DIR)}`);
		return all;
	}
	const out: string[] = [];
	for (const arg of args) {
		const full = resolve(arg);
		const info = await stat(full).catch(() => null);
		if (!info) throw new CliError(`${arg}: no such file or folder`);
		if (info.isDirectory()) {
			const inside = await findSurveyFiles(full);
			if (inside.length === 0) throw new CliError(`${arg}: no survey files (.yaml) in this folder`);
			out.push(...inside);
		} else {
			out.push(full);
		}
	}
	return out;
}

/** Paths relative to where the user stands, as compilers print them. */
function show(file: string): string {
	const rel = relative(process.cwd(), file);
	return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

function byPosition(a: FileProblem, b: FileProblem): number {
	return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col;
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function print(problems: FileProblem[]): void {
	for (const p of [...problems].sort(byPosition)) {
		const line = formatProblem({ ...p, file: show(p.file) });
		process.stdout.write(p.questionId ? `${line} (question "${p.questionId}")\n` : `${line}\n`);
	}
}

function printJson(files: string[], result: LoadResult, problems: FileProblem[]): void {
	const out = {
		files: files.map(show),
		surveys: result.surveys.map((s) => ({ file: show(s.file), slug: s.slug, hash: s.hash })),
		problems: [...problems].sort(byPosition).map((p) => ({ ...p, file: show(p.file) }))
	};
	process.stdout.write(`${JSON.stringify(out, null, '\t')}\n`);
}

async function validate(args: string[], options: OutputOptions): Promise<void> {
	const files = await resolveFiles(args);
	const result = await loadSurveys(files);
	const errors = result.problems.filter((p) => p.severity === 'error');
	if (options.json) printJson(files, result, result.problems);
	else print(result.problems);
	const failed = new Set(errors.map((e) => e.file)).size;
	if (errors.length > 0) {
		throw new CliError(`${plural(errors.length, 'error')} in ${plural(failed, 'file')}`);
	}
	if (!options.json) {
		process.stdout.write(`${plural(files.length, 'survey file')} valid\n`);
	}
}

async function lint(args: string[], options: LintOptions): Promise<void> {
	const maxWarnings = options.maxWarnings === undefined ? Infinity : Number(options.maxWarnings);
	if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) {
		throw new CliError('--max-warnings needs a whole number', 2);
	}
	const files = await resolveFiles(args);
	const result = await loadSurveys(files);
	const problems = [...result.problems];
	for (const survey of result.surveys) problems.push(...lintLoadedSurvey(survey));
	if (options.json) printJson(files, result, problems);
	else print(problems);
	const errors = problems.filter((p) => p.severity === 'error').length;
	const warnings = problems.length - errors;
	if (errors > 0) {
		throw new CliError(`${plural(errors, 'error')}: fix them with "surveys validate" first`);
	}
	if (warnings > maxWarnings) {
		throw new CliError(`${plural(warnings, 'warning')} (at most ${maxWarnings} allowed)`);
	}
	if (!options.json) {
		process.stdout.write(
			`${plural(files.length, 'survey file')} linted, ${plural(warnings, 'warning')}\n`
		);
	}
}

export function registerSurveys(program: Command): void {
	const surveys = program
		.command('surveys')
		.description('survey definitions (YAML files in surveys/): check, publish, export answers');

	surveys
		.command('validate')
		.description('check survey files against the schema; exits non-zero on any error')
		.argument('[files...]', 'YAML files or folders (default: all surveys under surveys/)')
		.option('--json', 'print the result as JSON')
		.action(async (files: string[], options: OutputOptions) => validate(files, options));

	surveys
		.command('lint')
		.description('check the Dutch texts for plain language (B1) and missing translations')
		.argument('[files...]', 'YAML files or folders (default: all surveys under surveys/)')
		.option('--json', 'print the result as JSON')
		.option('--max-warnings <n>', 'fail when there are more warnings than this')
		.action(async (files: string[], options: LintOptions) => lint(files, options));

	withServerOptions(
		surveys
			.command('import')
			.description(
				'publish survey files to the server by slug; a changed survey with answers becomes a new version'
			)
			.argument('[files...]', 'YAML files or folders (default: all surveys under surveys/)')
	).action(async (files: string[], options: ServerOptions) => importCommand(files, options));

	withServerOptions(
		surveys
			.command('export')
			.description('write the answers of a survey as CSV or JSON')
			.argument('<slug>', 'the survey, e.g. kruispunt-rondpunt-of-verkeerslichten')
			.option('--format <format>', 'csv or json', 'csv')
			.option('--out <file>', 'write to this file instead of standard output')
	).action(async (slug: string, options: ExportOptions) => exportCommand(slug, options));
}

interface ExportOptions extends ServerOptions {
	format: string;
	out?: string;
}

async function importCommand(args: string[], options: ServerOptions): Promise<void> {
	const files = await resolveFiles(args);
	const result = await loadSurveys(files);
	const errors = result.problems.filter((p) => p.severity === 'error');
	// All or nothing: one broken file stops the import before anything is written.
	if (errors.length > 0) {
		print(errors);
		throw new CliError(`${plural(errors.length, 'error')}: nothing was imported.`);
	}
	const pb = await connectAsSuperuser(options);
	for (const survey of result.surveys) {
		const outcome = await importSurvey(pb, survey);
		process.stdout.write(`${outcome.slug}: ${outcome.action} (version ${outcome.version})\n`);
	}
}

async function exportCommand(slug: string, options: ExportOptions): Promise<void> {
	if (options.format !== 'csv' && options.format !== 'json') {
		throw new CliError(`--format must be csv or json, not "${options.format}".`);
	}
	const pb = await connectAsSuperuser(options);
	const exported = await exportResponses(pb, slug);
	if (!exported) throw new CliError(`There is no survey with the slug "${slug}".`);
	const text =
		options.format === 'csv' ? exported.csv : `${JSON.stringify(exported.responses, null, '\t')}\n`;
	if (options.out) {
		await writeFile(options.out, text);
		process.stderr.write(
			`${plural(exported.responses.length, 'response')} written to ${options.out}\n`
		);
	} else {
		process.stdout.write(text);
	}
}
