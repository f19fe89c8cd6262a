import { describe, expect, it } from 'vitest';
import { CsvTokenizer, FIELD_ESCAPED, splitLine } from './csv-tokenizer.ts';

function tokenize(
	text: string,
	wanted: number[],
	chunkSize = Infinity
): { fields: string[]; line: number }[] {
	const slotOf = new Int32Array(Math.max(...wanted) + 1).fill(-1);
	wanted.forEach((column, slot) => (slotOf[column] = slot));
	const records: { fields: string[]; line: number }[] = [];
	const tokenizer = new CsvTokenizer(44, slotOf, () => {
		const fields = wanted.map((_, slot) => {
			const start = tokenizer.starts[slot];
			if (start < 0) return '<none>';
			const value = tokenizer.bytes.toString('utf8', start, tokenizer.ends[slot]);
			return tokenizer.kinds[slot] === FIELD_ESCAPED ? value.replace(/""/g, '"') : value;
		});
		records.push({ fields, line: tokenizer.line });
	});
	const bytes = Buffer.from(text);
	const step = Math.min(chunkSize, bytes.length);
	for (let i = 0; i < bytes.length; i += step) tokenizer.push(bytes.subarray(i, i + step));
	tokenizer.end();
	return records;
}

const sample =
	'a,"b, with comma",c\r\n' + '"multi\nline",x,"say ""hi"""\n' + 'plain,,last-without-newline';

describe('CsvTokenizer', () => {
	it('handles quotes, doubled quotes, CRLF, embedded newlines and a missing final newline', () => {
		expect(tokenize(sample, [0, 1, 2])).toEqual([
			{ fields: ['a', 'b, with comma', 'c'], line: 2 },
			{ fields: ['multi\nline', 'x', 'say "hi"'], line: 3 },
			{ fields: ['plain', '', 'last-without-newline'], line: 5 }
		]);
	});

	it('gives the same result whatever the chunk boundaries', () => {
		const whole = tokenize(sample, [0, 2]);
		for (const size of [1, 2, 3, 5, 7]) expect(tokenize(sample, [0, 2], size)).toEqual(whole);
	});

	it('skips unwanted trailing columns, even when they hold quoted newlines', () => {
		const text = 'k1,v1,"x\ny",z\nk2,v2,plain,z\n';
		expect(tokenize(text, [0])).toEqual([
			{ fields: ['k1'], line: 2 },
			{ fields: ['k2'], line: 4 }
		]);
	});

	it('marks fields missing from short rows', () => {
		expect(tokenize('only\n', [0, 2])).toEqual([{ fields: ['only', '<none>'], line: 2 }]);
	});
});

describe('splitLine', () => {
	it('splits a header with quotes', () => {
		expect(splitLine('"Case ID";Activity;"Complete; Timestamp"', ';')).toEqual([
			'Case ID',
			'Activity',
			'Complete; Timestamp'
		]);
	});
});
