import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidMessage, placeholdersOf } from './format.ts';
import { LANGUAGES } from './languages.ts';

const dir = path.join(import.meta.dirname, 'messages');
const areas = readdirSync(path.join(dir, 'nl')).filter((file) => file.endsWith('.json'));
const read = (code: string, area: string) =>
	JSON.parse(readFileSync(path.join(dir, code, area), 'utf8')) as Record<string, string>;

describe('message files', () => {
	it('has a folder per interface language with the same area files', () => {
		const folders = readdirSync(dir, { withFileTypes: true }).filter((entry) =>
			entry.isDirectory()
		);
		expect(folders.map((entry) => entry.name).sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
		for (const { code } of LANGUAGES) {
			expect(readdirSync(path.join(dir, code)).sort(), code).toEqual([...areas].sort());
		}
	});

	it('bundles every Dutch area file', () => {
		const index = readFileSync(path.join(dir, 'nl.ts'), 'utf8');
		for (const area of areas) expect(index).toContain(`./nl/${area}`);
	});

	for (const area of areas) {
		const dutch = read('nl', area);
		for (const { code } of LANGUAGES) {
			it(`${code}/${area} has every Dutch key, no extra key, no empty text, the same placeholders, valid plurals`, () => {
				const messages = read(code, area);
				expect(Object.keys(messages).sort()).toEqual(Object.keys(dutch).sort());
				for (const [key, text] of Object.entries(dutch)) {
					expect(messages[key].trim(), key).not.toBe('');
					// Plain `{name}` and plural `{count, plural, …}` alike; a plural needs `other`.
					expect(placeholdersOf(messages[key]), key).toEqual(placeholdersOf(text));
					expect(isValidMessage(messages[key]), key).toBe(true);
				}
			});
		}
	}
});
