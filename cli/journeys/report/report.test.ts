import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLog, type Row } from '../analysis/test-log.ts';
import { writeReport } from './write-report.ts';

const dir = mkdtempSync(join(tmpdir(), 'journeys-report-'));

function sampleLog() {
	const rows: Row[] = [];
	const add = (segment: string, n: number, passed: number) => {
		for (let i = 0; i < n; i++) {
			const id = `${segment}${i}`;
			rows.push([id, 'start', Date.UTC(2024, 0, 1, 10), [], [segment]]);
			if (i < passed) rows.push([id, 'form', Date.UTC(2024, 0, 1, 10, 5), [], [segment]]);
		}
	};
	add('web', 200, 180);
	add('kiosk', 100, 50);
	add('desk', 4, 0); // too small to show
	return buildLog(rows, { caseAttributes: ['channel'] });
}

async function report(lang: 'nl' | 'en') {
	const out = join(dir, `report-${lang}.html`);
	await writeReport(sampleLog(), {
		steps: ['start', 'form'],
		byAttribute: 0,
		minGroup: 10,
		lang,
		out,
		source: 'test.csv',
		warnings: ['2 rows without an activity were dropped (line 3, 9).']
	});
	return readFileSync(out, 'utf8');
}

describe('HTML report', () => {
	it('is one accessible, self-contained page in Dutch by default', async () => {
		const html = await report('nl');
		expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
		expect(html).toContain('<h1>Waar haken mensen af?</h1>');
		expect(html.match(/<h2 /g)?.length).toBeGreaterThanOrEqual(6);
		// Chart.js is inlined, nothing is loaded from elsewhere.
		expect(html).toContain('Chart.js v4');
		expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
		// Every chart points to a data table that exists.
		const described = [...html.matchAll(/<canvas [^>]*aria-describedby="([^"]+)"/g)].map(
			(m) => m[1]
		);
		expect(described.length).toBe(3);
		for (const id of described) expect(html).toContain(`<table id="${id}">`);
		expect(html).toContain('2 rows without an activity were dropped');
	});

	it('ranks findings and leaves small groups out entirely', async () => {
		const html = await report('en');
		expect(html).toContain('<html lang="en">');
		const findings = html.slice(html.indexOf('<ol class="findings">'), html.indexOf('</ol>'));
		expect(findings.indexOf('channel = kiosk')).toBeGreaterThan(0);
		expect(findings).toContain('50 %');
		expect(html).toContain('Left out: desk.');
		expect(html).not.toMatch(/<t[hd][^>]*>desk</);
		expect(html).not.toContain('channel = desk');
	});
});
