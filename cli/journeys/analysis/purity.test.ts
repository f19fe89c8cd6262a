import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The staff pages will import this folder in the browser, so it must not touch Node APIs.
describe('analysis core purity', () => {
	const folder = fileURLToPath(new URL('.', import.meta.url));
	const sources = readdirSync(folder).filter(
		(name) => name.endsWith('.ts') && !name.endsWith('.test.ts')
	);
	it.each(sources)('%s uses no Node APIs', (name) => {
		// Comments may well talk about "the process"; only code counts.
		const text = readFileSync(folder + name, 'utf8')
			.replace(/\/\*[\s\S]*?\*\//g, '')
			.replace(/^\s*\/\/.*$/gm, '');
		expect(text).not.toMatch(/from ['"](node:|fs|path|zlib|stream|os|child_process)/);
		expect(text).not.toMatch(/\b(Buffer|process)\s*[.[(]|\brequire\(|__dirname|\bnew Buffer\b/);
	});
});
