/**
 * PERSONAS.md, service designers: Sara gets a semicolon-separated export with Dutch column names
 * of the online parking-permit application and an XES file from the case system. She asks where
 * people stop, whether the kiosk is worse than the web or that is noise, who switches to the phone
 * line and what to fix first, and mails the HTML report to her manager, who opens it offline.
 * A month later she compares the same funnel before and after the fix.
 *
 * The export is built case by case with exact proportions, so every number below is known.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOGS, runJourneys } from './fixtures/run-journeys.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'journeys-sara-'));

const STEPS = ['Start', 'Gegevens', 'Bewijsstuk opladen', 'Betalen', 'Bevestigd'];
const STEPS_FLAG = STEPS.join(',');
const FIX = '2026-04-01';

const cli = runJourneys;

function json(args: string[]) {
	const result = cli([...args, '--format', 'json']);
	expect(result.stderr).not.toMatch(/error/i);
	expect(result.code).toBe(0);
	return JSON.parse(result.stdout);
}

/**
 * 400 applications in March (before the fix) and 400 in April, a quarter of them at a webpunt
 * kiosk. Per channel and month, out of every 10 applications: before the fix 3 stop at the upload
 * of the proof, after it 1; 1 starts paying but stops there. One in 10 pays by phone instead (a
 * channel switch), and half of those get their permit. The counts are kept as the rows are made.
 */
function writeExport(file: string) {
	const rows = ['Dossiernummer;Stap;Tijdstip;Kanaal'];
	const counters = new Map<string, number>();
	const reached = new Map<string, number>();
	const switched = { web: 0, kiosk: 0 };
	let switchedConfirmed = 0;
	for (let i = 0; i < 800; i++) {
		const april = i >= 400;
		const channel = i % 4 === 0 ? 'kiosk' : 'web';
		const key = `${channel}-${april}`;
		const j = counters.get(key) ?? 0;
		counters.set(key, j + 1);
		const day = 2 + (i % 25);
		const start = Date.UTC(2026, april ? 3 : 2, day, 8, 0) + (i % 7) * 3_600_000;
		const at = (minutes: number) =>
			new Date(start + minutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
		const id = `PV-${String(10_000 + i)}`;
		const event = (step: string, minutes: number, kanaal = channel) => {
			rows.push(`${id};${step};${at(minutes)};${kanaal}`);
			reached.set(step, (reached.get(step) ?? 0) + 1);
		};
		event('Start', 0);
		event('Gegevens', 2);
		event('Bewijsstuk opladen', 5);
		if (j % 10 < (april ? 1 : 3)) continue;
		const byPhone = j % 10 === 5;
		event('Betalen', 9, byPhone ? 'telefoon' : channel);
		if (j % 10 === 9) continue;
		if (byPhone && ++switched[channel] % 2 === 0) continue;
		if (byPhone) switchedConfirmed++;
		event('Bevestigd', 10, byPhone ? 'telefoon' : channel);
	}
	writeFileSync(file, rows.join('\n') + '\n');
	return { reached: STEPS.map((step) => reached.get(step) ?? 0), switched, switchedConfirmed };
}

describe('Sara, service designer (PERSONAS.md)', { timeout: 120_000 }, () => {
	const file = path.join(dir, 'parkeervergunning.csv');
	const truth = writeExport(file);
	const common = ['--tz', 'Europe/Brussels'];

	it('finds where people stop in her Dutch, semicolon-separated export', () => {
		const result = json(['funnel', file, '--steps', STEPS_FLAG, ...common]);
		// After the upload 160 stop (120 before the fix, 40 after); while paying 120 (80, and 40
		// of those who phoned).
		expect(result.steps.map((s: { reached: number }) => s.reached)).toEqual(truth.reached);
		expect(truth.reached).toEqual([800, 800, 800, 640, 520]);
		const summary = json(['summary', file, ...common]);
		expect(summary).toMatchObject({ cases: 800, droppedRows: 0 });
	});

	it('learns that the kiosk is no worse than the web: no evidence of a difference', () => {
		const result = json(['compare', file, '--steps', STEPS_FLAG, '--by', 'Kanaal', ...common]);
		const kiosk = result.cells.filter((c: { segment: string }) => c.segment === 'kiosk');
		expect(kiosk.length).toBeGreaterThan(0);
		for (const cell of kiosk) expect(cell.verdict).toBe('no-evidence');
	});

	it('sees who switches to the phone line and how often that ends in a permit', () => {
		const result = json([
			'channels',
			file,
			'--channel-attr',
			'Kanaal',
			'--complete',
			'Bevestigd',
			...common
		]);
		const toPhone = (from: string) =>
			result.switches.find(
				(s: { from: string; to: string }) => s.from === from && s.to === 'telefoon'
			);
		expect(toPhone('web').cases).toBe(truth.switched.web);
		expect(toPhone('kiosk').cases).toBe(truth.switched.kiosk);
		const all = truth.switched.web + truth.switched.kiosk;
		expect(all).toBe(80);
		const completed = toPhone('web').completionRate * truth.switched.web;
		expect(completed + toPhone('kiosk').completionRate * truth.switched.kiosk).toBeCloseTo(
			truth.switchedConfirmed,
			6
		);
	});

	it('mails her manager one HTML file that opens offline and says what to fix first', () => {
		const out = path.join(dir, 'rapport.html');
		const result = cli(['report', file, '--steps', STEPS_FLAG, '--by', 'Kanaal', '--out', out]);
		expect(result.code).toBe(0);
		const html = readFileSync(out, 'utf8');
		expect(html).toContain('<html lang="nl"');
		expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
		// What to fix first: after the upload, where most people are lost.
		const findings = html.slice(html.indexOf('Wat eerst aanpakken'));
		const first = findings.slice(findings.indexOf('<li'), findings.indexOf('</li>'));
		expect(first).toContain('‘Betalen’ haken 160 mensen af');
		expect(first).toContain('‘Bewijsstuk opladen’');
	});

	it('reads the XES file of the case system too', () => {
		const summary = json(['summary', path.join(LOGS, 'running-example.xes')]);
		expect(summary).toMatchObject({ cases: 6, events: 42 });
	});

	it('a month later, sees that the fix made a real difference at the upload and nowhere else', () => {
		const result = json(['compare', file, '--steps', STEPS_FLAG, '--split-at', FIX, ...common]);
		expect(result.by).toBe('period');
		const after = (step: string) =>
			result.cells.find(
				(c: { step: string; segment: string }) => c.step === step && c.segment === `from ${FIX}`
			);
		// Before 70 % went on after the upload, after the fix 90 %.
		expect(after('Betalen').verdict).toBe('higher');
		expect(after('Betalen').differencePp).toBeCloseTo(20, 6);
		// Paying: 1 in 7 stops before, 1 in 9 after: too close to call with these numbers.
		expect(after('Gegevens').verdict).toBe('no-evidence');
		expect(after('Bevestigd').verdict).toBe('no-evidence');
		const out = path.join(dir, 'voor-en-na.html');
		expect(cli(['report', file, '--steps', STEPS_FLAG, '--split-at', FIX, '--out', out]).code).toBe(
			0
		);
		// Earlier before later, in the report and in the funnel's groups, whichever is larger.
		const report = readFileSync(out, 'utf8');
		expect(report.indexOf(`vóór ${FIX}`)).toBeGreaterThan(0);
		expect(report.indexOf(`vóór ${FIX}`)).toBeLessThan(report.indexOf(`vanaf ${FIX}`));
		const groups = json(['funnel', file, '--steps', STEPS_FLAG, '--split-at', FIX, ...common]);
		expect(Object.keys(groups.segments)).toEqual([`before ${FIX}`, `from ${FIX}`]);
		expect(cli(['compare', file, '--steps', STEPS_FLAG, '--split-at', 'april']).stderr).toMatch(
			/--split-at needs a date such as 2026-04-01/
		);
		const both = ['compare', file, '--steps', STEPS_FLAG, '--by', 'Kanaal', '--split-at', FIX];
		expect(cli(both).stderr).toMatch(/use --by or --split-at, not both/);
	});
});
