import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../analysis/summary.ts';
import { createZone, UTC } from '../analysis/timestamps.ts';
import { variantLogOf } from '../analysis/variant-log.ts';
import { writeJourneyCsv } from '../fixtures/journey-generator.ts';
import { loadLog, loadVariantLog, type LoadOptions } from '../load-log.ts';
import { runPartHere } from './csv-parts.ts';
import { plainCsvModule } from './wasm/plain-csv-module.ts';

const OTHER_TIME = 'a time not written like 2024-01-31T09:30:00Z or 2024-01-31 09:30:00+01:00';
const dir = mkdtempSync(path.join(tmpdir(), 'journeys-plain-'));
const base: LoadOptions = { columns: {}, zone: UTC, caseAttributes: [], eventAttributes: [] };

/** The summary through loadVariantLog (scanner first) and the notes it gave. */
async function fast(file: string, options: Partial<LoadOptions> = {}) {
	const notes: string[] = [];
	const log = await loadVariantLog(file, { ...base, ...options, onNote: (n) => notes.push(n) });
	return { summary: summarize(log), notes };
}

/** The same numbers from the general reader alone (the full event log, sorted per case). */
async function general(file: string, options: Partial<LoadOptions> = {}) {
	return summarize(variantLogOf(await loadLog(file, { ...base, ...options })));
}

function write(name: string, content: string): string {
	const file = path.join(dir, name);
	writeFileSync(file, content);
	return file;
}

describe('the fast CSV scanner (WebAssembly)', () => {
	it('is built from its AssemblyScript source', async () => {
		expect(await plainCsvModule()).toBeInstanceOf(WebAssembly.Module);
	});

	// 40 000 events are about 2.7 MB: several 1 MB chunks with lines cut at their borders, and
	// more rows per chunk than the scanner hands back at once.
	const journeys = path.join(dir, 'journeys.csv');
	writeJourneyCsv(journeys, { events: 40_000, seed: 3 });

	it('gives the numbers the general reader gives, on a generated journey export', async () => {
		const { summary, notes } = await fast(journeys, { threads: 1 });
		expect(notes).toEqual(['read with the fast CSV scanner']);
		expect(summary.events).toBeGreaterThanOrEqual(40_000);
		expect(summary).toEqual(await general(journeys));
	});

	it('gives the same numbers in 2, 3 and 5 parts, cases running across the cuts', async () => {
		const one = (await fast(journeys, { threads: 1 })).summary;
		for (const threads of [2, 3, 5]) {
			const { summary, notes } = await fast(journeys, { threads, runPart: runPartHere });
			expect(notes).toEqual([
				`read in ${threads} parts, one thread each, with the fast CSV scanner`
			]);
			expect(summary).toEqual(one);
		}
	});

	it('reads Windows line ends, a byte-order mark, blank lines and a last line without newline', async () => {
		const rows = [
			'Case ID;Activity;Complete Timestamp;Resource',
			'x;Start;2024-03-01T08:00:00Z;desk',
			'y;Start;2024-03-01T08:00:30.5Z;web',
			'',
			'x;Check;2024-03-01T08:01:00.250Z;desk',
			'y;Stop;2024-03-01T08:02:00Z;web',
			'x;Check;2024-03-01T08:01:00.250Z;desk'
		];
		const file = write('windows.csv', '\uFEFF' + rows.join('\r\n'));
		const { summary, notes } = await fast(file);
		expect(notes).toEqual(['read with the fast CSV scanner']);
		expect(summary).toMatchObject({ events: 5, cases: 2, rework: { Check: 1 } });
		expect(summary.caseDuration.max).toBe(89.5);
		expect(summary).toEqual(await general(file));
	});

	it('finds the case, activity and time wherever their columns are', async () => {
		const file = write(
			'order.csv',
			'when,extra,step,id\n2024-01-01T10:00:00Z,1,open,a\n2024-01-01T10:05:00Z,2,close,a\n2024-01-01T10:06:00Z,3,open,b\n'
		);
		const options = { columns: { case: 'id', activity: 'step', timestamp: 'when' } };
		const { summary, notes } = await fast(file, options);
		expect(notes).toEqual(['read with the fast CSV scanner']);
		expect(summary).toMatchObject({ events: 3, cases: 2, variants: 2 });
		expect(summary).toEqual(await general(file, options));
	});

	it('reads the time forms of common exports exactly as the general reader does', async () => {
		const times = [
			'2024-03-30T23:59:59.999Z',
			'2024-03-31 01:00:00+01:00',
			'2024-03-31T03:00:00.5+0200',
			'2024/03/31 03:30:00.125',
			'2024-03-31t02:15:00,25-01',
			'2024-03-31 04:00:00z'
		];
		const rows = times.map((time, i) => `c${i % 2},step ${i},${time}`);
		const file = write('times.csv', ['case,activity,time', ...rows, ''].join('\n'));
		const { summary, notes } = await fast(file);
		expect(notes).toEqual(['read with the fast CSV scanner']);
		expect(summary).toEqual(await general(file));
		// Times without an offset in another zone are the general reader's to convert.
		const brussels = { zone: createZone('Europe/Brussels') };
		const inZone = await fast(file, brussels);
		expect(inZone.notes[0]).toMatch(
			/has a time not written like .*: reading with the general reader$/
		);
		expect(inZone.summary).toEqual(await general(file, brussels));
		expect(inZone.summary.caseDuration).not.toEqual(summary.caseDuration);
	});

	// Each of these lines is one the scanner leaves to the general reader, which reads the file
	// again from the start; the numbers must be the general reader's, drops and all.
	it.each([
		['a quoted field', 'c,"said ""hi""",2024-01-01T00:03:00Z'],
		['too few fields', 'c,2024-01-01T00:03:00Z'],
		['an empty case, activity or time', 'c,,2024-01-01T00:03:00Z'],
		[OTHER_TIME, 'c,stop,2024-01-01T00:03Z'],
		[OTHER_TIME, 'c,stop,2024-1-1 00:03:00'],
		[OTHER_TIME, 'c,stop,2024-01-01T00:03:00.1234567891Z'],
		[OTHER_TIME, 'c,stop,1704067380'],
		[OTHER_TIME, 'c,stop,yesterday']
	])('leaves a line with %s to the general reader', async (reason, line) => {
		const lines = [
			'case,activity,time',
			'a,start,2024-01-01T00:00:00Z',
			'c,start,2024-01-01T00:01:00Z'
		];
		const file = write('odd.csv', [...lines, line, 'a,stop,2024-01-01T00:04:00Z', ''].join('\n'));
		const offset = readFileSync(file, 'utf8').indexOf(line);
		const { summary, notes } = await fast(file);
		expect(notes).toEqual([
			`the line at byte ${offset} has ${reason}: reading with the general reader`
		]);
		expect(summary).toEqual(await general(file));
	});

	it('leaves a blank line to the general reader when the case is not the first column', async () => {
		// The general reader counts such a line as a dropped row, not as nothing.
		const file = write(
			'blank-line.csv',
			'activity,case,time\nstart,a,2024-01-01T00:00:00Z\n\nstop,a,2024-01-01T00:01:00Z\n'
		);
		const { summary, notes } = await fast(file);
		expect(notes[0]).toMatch(/has too few fields: reading with the general reader$/);
		expect(summary).toEqual(await general(file));
	});

	it('leaves a log of more than 2048 activities to the general reader', async () => {
		const rows = Array.from({ length: 2100 }, (_, i) => `c${i},step ${i},2024-01-01T00:00:00Z`);
		const file = write('many-activities.csv', ['case,activity,time', ...rows, ''].join('\n'));
		const { summary, notes } = await fast(file);
		expect(notes[0]).toMatch(/has more than 2048 activities: reading with the general reader$/);
		expect(summary.activities).toBe(2100);
	});

	it('leaves a file to the general reader when an odd line sits in a later part', async () => {
		const lines = readFileSync(journeys, 'utf8').split('\n');
		const fields = lines[lines.length - 10].split(',');
		fields[2] = `"${fields[2]}"`;
		lines[lines.length - 10] = fields.join(',');
		const file = write('late-quote.csv', lines.join('\n'));
		const { summary, notes } = await fast(file, { threads: 3, runPart: runPartHere });
		expect(notes[0]).toMatch(/has a quoted field: reading with the general reader$/);
		expect(notes[1]).toBe('read in 3 parts, one thread each, with the general reader');
		expect(summary).toEqual(await general(file));
	});

	it('reads cases out of time order again, sorted, as the general reader does', async () => {
		const file = write(
			'unordered.csv',
			'case,activity,time\na,late,2024-01-01T00:05:00Z\na,early,2024-01-01T00:01:00Z\n'
		);
		const { summary, notes } = await fast(file);
		expect(notes).toEqual([
			'a case has events out of time order: reading the whole log to sort it'
		]);
		expect(summary.startActivities).toEqual({ early: 1 });
	});
});
