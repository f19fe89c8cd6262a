// `npm test`: every suite in order, then one line `N passed, N failed` that
// sums them all (CI reads that line). Gates such as type checks count as one
// test each; the vitest and Playwright counts come from their JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './build.ts';

interface Tally {
	suite: string;
	passed: number;
	failed: number;
	skipped: number;
}

const REPORTS = path.join(REPO_ROOT, 'reports');
mkdirSync(REPORTS, { recursive: true });

function run(command: string, args: string[], env: Record<string, string> = {}): number {
	process.stdout.write(`\n$ ${command} ${args.join(' ')}\n`);
	const result = spawnSync(command, args, {
		cwd: REPO_ROOT,
		stdio: 'inherit',
		env: { ...process.env, ...env }
	});
	return result.status ?? 1;
}

function gate(suite: string, command: string, args: string[]): Tally {
	const ok = run(command, args) === 0;
	return { suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

function readJson<T>(file: string): T | undefined {
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

function vitest(project: string): Tally {
	const report = path.join(REPORTS, `vitest-${project}.json`);
	rmSync(report, { force: true });
	const status = run('npx', [
		'vitest',
		'run',
		'--project',
		project,
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${report}`
	]);
	const json = readJson<{
		numPassedTests: number;
		numFailedTests: number;
		numPendingTests: number;
		numTodoTests: number;
	}>(report);
	if (!json) return { suite: `vitest ${project}`, passed: 0, failed: 1, skipped: 0 };
	// A crashed run (e.g. a failing global setup) reports no failed test but a bad status.
	const failed = json.numFailedTests + (status !== 0 && json.numFailedTests === 0 ? 1 : 0);
	return {
		suite: `vitest ${project}`,
		passed: json.numPassedTests,
		failed,
		skipped: json.numPendingTests + json.numTodoTests
	};
}

function playwright(): Tally {
	const report = path.join(REPORTS, 'playwright.json');
	rmSync(report, { force: true });
	const status = run('npx', ['playwright', 'test']);
	const json = readJson<{
		stats: { expected: number; unexpected: number; flaky: number; skipped: number };
		errors?: unknown[];
	}>(report);
	if (!json) return { suite: 'browser', passed: 0, failed: 1, skipped: 0 };
	const failed = json.stats.unexpected + (status !== 0 && json.stats.unexpected === 0 ? 1 : 0);
	return {
		suite: 'browser',
		passed: json.stats.expected + json.stats.flaky,
		failed,
		skipped: json.stats.skipped
	};
}

const tallies: Tally[] = [
	gate('types (svelte-check, tsc)', 'npm', ['run', '--silent', 'check']),
	gate('lint (eslint)', 'npx', ['eslint', '.']),
	gate('format (prettier)', 'npx', ['prettier', '--check', '.']),
	vitest('unit'),
	vitest('api'),
	playwright()
];

process.stdout.write('\nSuites:\n');
for (const tally of tallies) {
	process.stdout.write(
		`  ${tally.suite}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped\n`
	);
}
const sum = (key: 'passed' | 'failed' | 'skipped') =>
	tallies.reduce((total, tally) => total + tally[key], 0);
process.stdout.write(
	`${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped\n`
);
process.exit(sum('failed') > 0 ? 1 : 0);
