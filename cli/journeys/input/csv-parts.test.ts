import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../analysis/summary.ts';
import { UTC } from '../analysis/timestamps.ts';
import { UnorderedCase, VariantLogBuilder, type VariantLog } from '../analysis/variant-log.ts';
import { writeJourneyCsv } from '../fixtures/journey-generator.ts';
import { loadVariantLog, type LoadOptions } from '../load-log.ts';
import { readCsvParts, runPartHere, splitParts } from './csv-parts.ts';
import { readHeader } from './csv-reader.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'journeys-parts-'));
const options: LoadOptions = {
	columns: {},
	zone: UTC,
	caseAttributes: [],
	eventAttributes: [],
	threads: 1
};

/** Reads `file` in the parts that start at `starts`, each in place (as a worker would). */
async function inParts(file: string, starts: number[]): Promise<VariantLog | undefined> {
	const header = readHeader(readFileSync(file), undefined, file);
	const builder = new VariantLogBuilder();
	const request = { file, name: file, header, columns: {}, zone: 'UTC' };
	const whole = await readCsvParts(request, starts, builder, runPartHere, () => {});
	return whole ? builder.finish() : undefined;
}

function partsOf(file: string, count: number): number[] {
	const header = readHeader(readFileSync(file), undefined, file);
	return splitParts(file, header.dataOffset, statSync(file).size, count);
}

describe('reading a CSV file in parts', () => {
	const journeys = path.join(dir, 'journeys.csv');
	writeJourneyCsv(journeys, { events: 20_000, seed: 7 });
	// Bad rows spread through the file: their line numbers must survive the renumbering.
	const lines = readFileSync(journeys, 'utf8').split('\n');
	for (const at of [3, 5_000, 12_345, 19_000])
		lines[at] = `j-bad,melding,start,start,never,web,false,nl,`;
	const withBadRows = path.join(dir, 'bad-rows.csv');
	writeFileSync(withBadRows, lines.join('\n'));

	it.each([2, 3, 7])('gives what one read gives, in %i parts', async (count) => {
		for (const file of [journeys, withBadRows]) {
			const straight = await loadVariantLog(file, options);
			const starts = partsOf(file, count);
			expect(starts).toHaveLength(count + 1);
			const parts = await inParts(file, starts);
			expect(parts).toBeDefined();
			expect(summarize(parts!)).toEqual(summarize(straight));
			expect(parts!.quality).toEqual(straight.quality);
		}
		const bad = (await loadVariantLog(withBadRows, options)).quality.issues;
		expect(bad).toEqual([
			{
				reason: 'bad-time',
				count: 4,
				lines: [4, 5001, 12346, 19001],
				examples: Array(4).fill('never')
			}
		]);
	});

	it('cuts only after a newline, and into fewer parts when the lines run out', () => {
		const file = path.join(dir, 'short.csv');
		writeFileSync(file, 'case,activity,time\na,x,2024-01-01T00:00:00Z\nb,y,2024-01-01T00:00:01Z\n');
		const starts = partsOf(file, 8);
		expect(starts[0]).toBe('case,activity,time\n'.length);
		expect(starts.at(-1)).toBe(statSync(file).size);
		expect(starts.length).toBeLessThanOrEqual(3);
		const bytes = readFileSync(file);
		for (const start of starts.slice(1, -1)) expect(bytes[start - 1]).toBe(10);
	});

	it('gives up when a part starts inside a quoted field that holds a newline', async () => {
		const file = path.join(dir, 'quoted.csv');
		const head = 'case,activity,time,note\na,start,2024-01-01T00:00:00Z,"two\n';
		writeFileSync(file, `${head}lines"\na,end,2024-01-01T00:01:00Z,\n`);
		const header = readHeader(readFileSync(file), undefined, file);
		// A cut right after the newline inside the quotes, as a split by size could make.
		expect(
			await inParts(file, [header.dataOffset, head.length, statSync(file).size])
		).toBeUndefined();
		const straight = summarize(await loadVariantLog(file, options));
		expect(straight).toMatchObject({ events: 2, cases: 1, droppedRows: 0 });
	});

	it('still sees a case whose events are out of time order across two parts', async () => {
		const file = path.join(dir, 'unordered.csv');
		const first = 'case,activity,time\na,start,2024-01-01T00:05:00Z\n';
		writeFileSync(file, `${first}a,earlier,2024-01-01T00:01:00Z\n`);
		const starts = [first.indexOf('\n') + 1, first.length, statSync(file).size];
		await expect(inParts(file, starts)).rejects.toThrow(UnorderedCase);
	});

	it('counts a tie across a cut like one read does', async () => {
		const file = path.join(dir, 'tie.csv');
		writeFileSync(
			file,
			'case,activity,time\na,start,2024-01-01T00:00:00Z\na,same,2024-01-01T00:00:00Z\n'
		);
		const cut = readFileSync(file, 'utf8').lastIndexOf('a,same');
		const parts = await inParts(file, ['case,activity,time\n'.length, cut, statSync(file).size]);
		expect(parts!.quality.tiedEvents).toBe(1);
		expect(summarize(parts!)).toEqual(summarize(await loadVariantLog(file, options)));
	});

	it('reads the file in one go, with a note, when a reading thread fails', async () => {
		const notes: string[] = [];
		let tries = 0;
		const log = await loadVariantLog(journeys, {
			...options,
			threads: 3,
			onNote: (note) => notes.push(note),
			// A thread that runs out of memory halfway, as a worker can on a big file.
			runPart: async (request, onBytes, signal) => {
				if (tries++ === 1) throw new Error('out of memory');
				return runPartHere(request, onBytes, signal);
			}
		});
		expect(tries).toBe(2);
		expect(notes).toEqual([
			'a reading thread failed (out of memory): reading in one go',
			'read with the fast CSV scanner'
		]);
		expect(summarize(log)).toEqual(summarize(await loadVariantLog(journeys, options)));
	});

	it('says it read in parts when every thread succeeds', async () => {
		const notes: string[] = [];
		const log = await loadVariantLog(journeys, {
			...options,
			threads: 3,
			onNote: (note) => notes.push(note),
			runPart: runPartHere
		});
		expect(notes).toEqual(['read in 3 parts, one thread each, with the fast CSV scanner']);
		expect(summarize(log)).toEqual(summarize(await loadVariantLog(journeys, options)));
	});
});
