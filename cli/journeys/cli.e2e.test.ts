import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOGS, runJourneys } from './fixtures/run-journeys.ts';
import { writeJourneyCsv } from './fixtures/journey-generator.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'journeys-e2e-'));

const cli = runJourneys;

function expectCleanError(result: ReturnType<typeof cli>, pattern: RegExp) {
	expect(result.code).not.toBe(0);
	expect(result.stderr).toMatch(pattern);
	expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('stadsstem journeys (end to end)', { timeout: 60_000 }, () => {
	it('summary --format json on the sepsis log', () => {
		const result = cli(['summary', path.join(LOGS, 'sepsis.csv'), '--format', 'json']);
		expect(result.code).toBe(0);
		const summary = JSON.parse(result.stdout);
		expect(Object.keys(summary)).toEqual([
			'events',
			'cases',
			'activities',
			'droppedRows',
			'variants',
			'startActivities',
			'endActivities',
			'directlyFollows',
			'caseDuration',
			'rework'
		]);
		expect(summary).toMatchObject({ events: 15214, cases: 1050, activities: 16, variants: 846 });
	});

	it('reads XES from standard input', () => {
		const xes = readFileSync(path.join(LOGS, 'running-example.xes'), 'utf8');
		const result = cli(['variants', '-', '--format', 'json', '--top', '2'], xes);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({ cases: 6, variants: 6 });
	});

	it('funnel, compare, dropouts and channels on a generated journey export with known answers', () => {
		const file = path.join(dir, 'journeys.csv');
		const truth = writeJourneyCsv(file, { journeys: 3000, seed: 7 });
		const steps = truth.steps.join(',');
		const funnelResult = cli([
			'funnel',
			file,
			'--steps',
			steps,
			'--by',
			'channel',
			'--format',
			'json'
		]);
		expect(funnelResult.code).toBe(0);
		const json = JSON.parse(funnelResult.stdout);
		expect(json.steps.map((s: { reached: number }) => s.reached)).toEqual(truth.reached);
		for (const [channel, reached] of Object.entries(truth.reachedByChannel)) {
			expect(json.segments[channel].steps.map((s: { reached: number }) => s.reached)).toEqual(
				reached
			);
		}
		const compare = cli(['compare', file, '--steps', steps, '--by', 'channel', '--format', 'json']);
		expect(compare.code).toBe(0);
		const cells = JSON.parse(compare.stdout).cells as {
			step: string;
			segment: string;
			verdict: string;
		}[];
		// The generator makes kiosk users drop far more at the photo step.
		expect(cells.find((c) => c.step === 'photo' && c.segment === 'kiosk')?.verdict).toBe('lower');
		const dropoutsResult = cli(['dropouts', file, '--steps', steps, '--format', 'json']);
		expect(dropoutsResult.code).toBe(0);
		expect(JSON.parse(dropoutsResult.stdout).errorRule).toBe('type-column');
		const channels = cli(['channels', file, '--format', 'json']);
		expect(channels.code).toBe(0);
		expect(JSON.parse(channels.stdout).switchedCases).toBe(truth.switchedCases);
		const csv = cli(['funnel', file, '--steps', steps, '--format', 'csv']);
		expect(csv.stdout.split('\n')[0]).toBe(
			'segment,step,reached,inProgress,dropped,conversionFromPrevious,conversionFromStart,ci95Low,ci95High'
		);
	});

	it('fails clearly on broken input, without a stack trace', () => {
		const broken = path.join(dir, 'broken.xes');
		writeFileSync(broken, '<log><trace><event><string key="concept:name" value="A"/></trace>');
		expectCleanError(cli(['summary', broken]), /^stadsstem: .*not valid XES/);
		expectCleanError(cli(['summary', path.join(dir, 'nope.csv')]), /no such file/);
		const noColumns = path.join(dir, 'cols.csv');
		writeFileSync(noColumns, 'a,b\n1,2\n');
		expectCleanError(cli(['summary', noColumns]), /--case/);
		expectCleanError(
			cli(['funnel', path.join(LOGS, 'sepsis.csv'), '--steps', 'Nope']),
			/step "Nope" does not occur/
		);
		expectCleanError(cli(['summary', path.join(LOGS, 'sepsis.csv'), '--tz', 'Mars/Base']), /--tz/);
		expectCleanError(cli(['summary', '--from', 'http://127.0.0.1:9']), /STADSSTEM_TOKEN/);
	});

	it('draws a progress bar on stderr with --progress, never without it when piped, and ends on a clean line', () => {
		const file = path.join(dir, 'progress.csv');
		// A few megabytes: several 1 MB chunks, so the bar moves.
		writeJourneyCsv(file, { events: 60_000, seed: 3 });
		const quiet = cli(['summary', file, '--format', 'json']);
		expect(quiet.code).toBe(0);
		expect(quiet.stderr).toBe('');
		const shown = cli(['summary', file, '--format', 'json', '--progress']);
		expect(shown.code).toBe(0);
		// The bar leaves the results alone.
		expect(shown.stdout).toBe(quiet.stdout);
		const frames = shown.stderr.split('\r').filter((frame) => frame.startsWith('reading'));
		expect(frames.length).toBeGreaterThan(0);
		const percents = frames.map((frame) => Number(/(\d+) %/.exec(frame)?.[1]));
		expect(percents.every((p) => p >= 0 && p <= 100)).toBe(true);
		expect(percents).toEqual([...percents].sort((a, b) => a - b));
		// Erased at the end, so a warning or the shell prompt starts on a clean line.
		expect(shown.stderr.endsWith('\r\u001b[2K')).toBe(true);
		const off = cli(['summary', file, '--format', 'json', '--no-progress']);
		expect(off.stderr).toBe('');
	});

	it('warns about dropped rows with line numbers on stderr', () => {
		const file = path.join(dir, 'dropped.csv');
		writeFileSync(
			file,
			'Case ID,Activity,Complete Timestamp\n1,a,2024-01-01 10:00\n2,,2024-01-01 10:00\n3,b,soon\n'
		);
		const result = cli(['summary', file, '--format', 'json']);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout).droppedRows).toBe(2);
		expect(result.stderr).toContain('1 rows without an activity were dropped (line 3)');
		expect(result.stderr).toContain('(line 4; for example "soon")');
	});

	it('reads a CSV file on several threads with the same result as on one', () => {
		const file = path.join(dir, 'threads.csv');
		writeJourneyCsv(file, { events: 30_000, seed: 11 });
		for (const command of ['summary', 'variants']) {
			const one = cli([command, file, '--format', 'json', '--threads', '1', '--verbose']);
			const three = cli([command, file, '--format', 'json', '--threads', '3', '--verbose']);
			expect(one.code).toBe(0);
			expect(one.stderr).toBe('note: read with the fast CSV scanner\n');
			expect(three.stderr).toBe(
				'note: read in 3 parts, one thread each, with the fast CSV scanner\n'
			);
			expect(three.stdout).toBe(one.stdout);
		}
		// A wrong column is said as it is, not taken for a failing thread.
		const wrong = cli(['summary', file, '--case', 'nope', '--threads', '3', '--verbose']);
		expect(wrong.code).not.toBe(0);
		expect(wrong.stderr).toMatch(/has no column "nope"/);
		expect(wrong.stderr).not.toMatch(/thread failed/);
		// Out of time order across the cut, and a line break inside quotes: both read again.
		const onTwoThreads = (name: string, content: string) => {
			writeFileSync(path.join(dir, name), content);
			const args = ['summary', path.join(dir, name), '--format', 'json', '--threads', '2'];
			const result = cli([...args, '--verbose']);
			return { note: result.stderr, summary: JSON.parse(result.stdout) };
		};
		const sorted = onTwoThreads(
			'threads-unordered.csv',
			'case,activity,time\na,start,2024-01-01T00:05:00Z\nb,start,2024-01-01T00:06:00Z\na,earlier,2024-01-01T00:01:00Z\n'
		);
		expect(sorted.note).toContain('out of time order: reading the whole log');
		expect(sorted.summary.startActivities).toEqual({ earlier: 1, start: 1 });
		const once = onTwoThreads(
			'threads-quoted.csv',
			'case,activity,time,note\na,start,2024-01-01T00:00:00Z,"a\n\n\n\n\n\nlong\n\n\n\n\n\nnote"\na,end,2024-01-01T00:01:00Z,\n'
		);
		expect(once.note).toContain('a quoted field holds a line break where the file was cut');
		expect(once.summary).toMatchObject({ events: 2, cases: 1, droppedRows: 0 });
	});
});
