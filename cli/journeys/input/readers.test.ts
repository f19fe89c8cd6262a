import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createZone, UTC } from '../analysis/timestamps.ts';
import { summarize } from '../analysis/summary.ts';
import { loadLog, loadVariantLog, type LoadOptions } from '../load-log.ts';
import { CliError } from '../../cli-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'journeys-readers-'));
const write = (name: string, content: string | Buffer) => {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
};
const options = (extra: Partial<LoadOptions> = {}): LoadOptions => ({
	columns: {},
	zone: UTC,
	caseAttributes: [],
	eventAttributes: [],
	...extra
});

const journeyCsv =
	'journeyId,process,step,type,at,channel,assisted,language,detail\n' +
	'j1,melding,start,start,2024-03-01T10:00:00Z,web,false,nl,\n' +
	'j1,melding,photo,error,2024-03-01T10:01:00Z,web,false,nl,too-large\n' +
	'j1,melding,submit,complete,2024-03-01T10:02:00Z,web,false,nl,\n' +
	'j2,melding,start,start,2024-03-01T11:00:00Z,kiosk,true,fr,\n' +
	',melding,start,start,2024-03-01T11:00:00Z,kiosk,true,fr,\n' +
	'j3,melding,start,start,not-a-time,web,false,nl,\n' +
	'j3,melding,,step,2024-03-01T11:00:00Z,web,false,nl,\n';

describe('CSV', () => {
	it('recognises the platform journey export and counts dropped rows with line numbers', async () => {
		const log = await loadLog(write('journeys.csv', journeyCsv), options());
		expect(log.events).toBe(4);
		expect(log.cases.map((c) => c.id)).toEqual(['j1', 'j2']);
		expect(log.quality.droppedRows).toBe(3);
		expect(log.quality.issues).toEqual([
			{ reason: 'missing-case', count: 1, lines: [6], examples: [] },
			{ reason: 'bad-time', count: 1, lines: [7], examples: ['not-a-time'] },
			{ reason: 'missing-activity', count: 1, lines: [8], examples: [] }
		]);
	});

	it('detects semicolons and Disco headers, and applies --tz to naive times', async () => {
		const file = write(
			'disco.csv',
			'Case ID;Activity;Complete Timestamp\nA;x;2024/07/01 12:00:00.000\nA;y;2024/07/01 13:00:00.000\n'
		);
		const log = await loadLog(file, options({ zone: createZone('Europe/Brussels') }));
		expect(log.cases[0].times[0]).toBe(Date.parse('2024-07-01T10:00:00Z'));
	});

	it('takes column flags, quoted headers and values with delimiters', async () => {
		const file = write(
			'flags.csv',
			'"id","what","when","note"\n"1","a, b","2024-01-01 10:00","x"\n'
		);
		const log = await loadLog(
			file,
			options({ columns: { case: 'id', activity: 'what', timestamp: 'when' } })
		);
		expect(log.activities).toEqual(['a, b']);
	});

	it('keeps --by values from a case: column or the first event that has one', async () => {
		const file = write(
			'by.csv',
			'case:concept:name,concept:name,time:timestamp,channel\nc,b,2024-01-01T10:01:00Z,phone\nc,a,2024-01-01T10:00:00Z,web\n'
		);
		const log = await loadLog(
			file,
			options({ caseAttributes: [{ name: 'channel', required: true }] })
		);
		expect(log.cases[0].caseValues).toEqual(['web']);
	});

	it('explains a missing column in one sentence', async () => {
		const file = write('nocase.csv', 'foo,bar\n1,2\n');
		await expect(loadLog(file, options())).rejects.toThrow(CliError);
		await expect(loadLog(file, options())).rejects.toThrow(/which column .* holds the case/);
	});
});

describe('summary straight from the file', () => {
	it('reads the whole log instead when a case has events out of time order', async () => {
		const file = write(
			'unordered.csv',
			'case,activity,time\n' +
				'a,start,2024-03-01T10:00:00Z\n' +
				'b,start,2024-03-01T10:00:00Z\n' +
				'a,send,2024-03-01T10:05:00Z\n' +
				'a,check,2024-03-01T10:02:00Z\n' +
				'b,send,2024-03-01T10:01:00Z\n'
		);
		const log = await loadVariantLog(file, options());
		expect(log.quality.unorderedCases).toBe(1);
		const summary = summarize(log);
		expect(summary.directlyFollows).toEqual([
			{ from: 'check', to: 'send', count: 1 },
			{ from: 'start', to: 'check', count: 1 },
			{ from: 'start', to: 'send', count: 1 }
		]);
		expect(summary.caseDuration.max).toBe(300);
	});

	it('gives the same error as the full read for a log without events', async () => {
		const file = write('dropped.csv', 'case,activity,time\n,x,2024-03-01T10:00:00Z\n');
		await expect(loadVariantLog(file, options())).rejects.toThrow(
			/no events could be read from .*dropped\.csv: all 1 rows lack/
		);
	});
});

describe('JSON Lines, XES and gzip', () => {
	it('reads JSON Lines with numeric epochs and reports bad lines', async () => {
		const file = write(
			'log.jsonl',
			'{"journeyId":"a","step":"start","at":1709287200}\nnot json\n{"journeyId":"a","step":"done","at":"2024-03-01T10:05:00Z"}\n'
		);
		const log = await loadVariantLog(file, options());
		expect(summarize(log).caseDuration.max).toBe(300);
		expect(log.quality.issues).toEqual([
			{ reason: 'malformed-row', count: 1, lines: [2], examples: ['not json'] }
		]);
	});

	it('reads XES with trace attributes as case attributes, also gzipped', async () => {
		const xes =
			'<?xml version="1.0"?><log><trace><string key="concept:name" value="t1"/><string key="channel" value="web"/>' +
			'<event><string key="concept:name" value="A"/><date key="time:timestamp" value="2024-01-01T10:00:00.000+01:00"/>' +
			'<list key="nested"><string key="concept:name" value="ignored"/></list></event>' +
			'<event><string key="concept:name" value="B"/><date key="time:timestamp" value="2024-01-01T10:05:00.000+01:00"/></event>' +
			'</trace></log>';
		for (const file of [write('t.xes', xes), write('t.xes.gz', gzipSync(xes))]) {
			const log = await loadLog(
				file,
				options({ caseAttributes: [{ name: 'case:channel', required: true }] })
			);
			expect(log.activities).toEqual(['A', 'B']);
			expect(log.cases[0].caseValues).toEqual(['web']);
			expect(log.cases[0].times[0]).toBe(Date.parse('2024-01-01T09:00:00Z'));
		}
	});

	it('gives clear errors for broken files', async () => {
		await expect(
			loadLog(write('bad.xes', '<log><trace><event></trace>'), options())
		).rejects.toThrow(/not valid XES/);
		await expect(
			loadLog(write('bad.xes.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3])), options())
		).rejects.toThrow(/gzip/);
		await expect(loadLog(write('empty.csv', ''), options())).rejects.toThrow(/empty/);
		await expect(loadLog(join(dir, 'missing.csv'), options())).rejects.toThrow(/no such file/);
		await expect(
			loadLog(write('bin.csv', Buffer.from([0, 1, 2, 3, 10, 0, 1])), options())
		).rejects.toThrow(/binary/);
	});
});
