import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages.ts';

const dir = path.join(import.meta.dirname, 'messages');
const read = (code: string) =>
	JSON.parse(readFileSync(path.join(dir, `${code}.json`), 'utf8')) as Record<string, string>;
const dutch = read('nl');

describe('message files', () => {
	it('has one file per interface language and no stray files', () => {
		const files = readdirSync(dir)
			.map((file) => file.replace(/\.json$/, ''))
			.sort();
		expect(files).toEqual(LANGUAGES.map((language) => language.code).sort());
	});

	for (const { code } of LANGUAGES) {
		it(`${code} has every Dutch key, no extra key, and no empty text`, () => {
			const messages = read(code);
			expect(Object.keys(messages).sort()).toEqual(Object.keys(dutch).sort());
			for (const [key, text] of Object.entries(messages)) {
				expect(text.trim(), key).not.toBe('');
			}
		});

		it(`${code} keeps every {placeholder} of the Dutch text`, () => {
			const messages = read(code);
			for (const [key, text] of Object.entries(dutch)) {
				const wanted = (text.match(/\{\w+\}/g) ?? []).sort();
				expect((messages[key].match(/\{\w+\}/g) ?? []).sort(), key).toEqual(wanted);
			}
		});
	}
});
