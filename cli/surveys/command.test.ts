// Runs the real CLI entry, as a user or CI would, against files in a temp folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'cli/bin/stadsstem.js');

function run(...args: string[]) {
	const result = spawnSync(process.execPath, [BIN, 'surveys', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 60_000
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const BROKEN = `# A survey with three mistakes.
slug: kapotte-bevraging
title: { nl: Kapot }
intro: { nl: Uitleg }
estimatedMinutes: 3
district: Antwerp
opens: 2026-11-01
closes: 2027-03-31
resultsPublic: true
whatNext: { nl: Dank }
resultsAt: 2027-05-01
questions:
  - id: kies
    type: single_choice
    label: { nl: Kies }
    options:
      - id: a
        label: { nl: A }
      - id: b
        label: { nl: B }
  - id: waarom
    type: short_text
    label: { en: Why? }
    showIf: { question: kies, equals: c }
`;

function tempFile(name: string, content: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'stadsstem-cli-'));
	const file = join(dir, name);
	writeFileSync(file, content);
	return file;
}

describe('stadsstem surveys validate', () => {
	it('prints file:line:col and path for every problem and exits non-zero', () => {
		const file = tempFile('kapotte-bevraging.yaml', BROKEN);
		const { code, stdout, stderr } = run('validate', file);
		expect(code).toBe(1);
		expect(stdout).toContain(`${file}:6:1 error [invalid_value] district:`);
		expect(stdout).toContain(`${file}:23:5 error [missing_nl] questions[1].label:`);
		expect(stdout).toContain(`${file}:24:31 error [unknown_choice] questions[1].showIf.equals:`);
		expect(stderr.trim()).toBe('stadsstem: 3 errors in 1 file');
	});

	it('validates all demo surveys by default', () => {
		const { code, stdout } = run('validate');
		expect(code).toBe(0);
		expect(stdout).toContain('3 survey files valid');
	});

	it('prints JSON with slugs and hashes for tools', () => {
		const { code, stdout } = run('validate', '--json', 'surveys/demo');
		expect(code).toBe(0);
		const out = JSON.parse(stdout);
		expect(out.surveys).toHaveLength(3);
		expect(out.surveys[0]).toMatchObject({
			file: expect.stringMatching(/^surveys\/demo\//),
			hash: expect.stringMatching(/^sha256:/)
		});
		expect(out.problems).toEqual([]);
	});

	it('reports YAML syntax errors with their line', () => {
		const file = tempFile('syntax.yaml', 'slug: a\ntitle: [oops\n');
		const { code, stdout } = run('validate', file);
		expect(code).toBe(1);
		expect(stdout).toMatch(
			new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ error \\[yaml_`)
		);
	});

	it('says so in one sentence when a file does not exist', () => {
		const { code, stderr } = run('validate', 'surveys/nope.yaml');
		expect(code).toBe(1);
		expect(stderr.trim()).toBe('stadsstem: surveys/nope.yaml: no such file or folder');
	});
});

describe('stadsstem surveys lint', () => {
	it('passes the demo surveys with the one documented warning', () => {
		const { code, stdout } = run('lint');
		expect(code).toBe(0);
		expect(stdout).toMatch(
			/tevredenheid-webpunt\.yaml:\d+:\d+ warning \[long_word\] questions\[1\]\.options\[0\]\.label\.nl: .*\(question "hulp_bij"\)/
		);
		expect(stdout).toContain('3 survey files linted, 1 warning');
	});

	it('warns per question about plain language and fails on --max-warnings', () => {
		const stiff = BROKEN.replace('district: Antwerp\n', '')
			.replace('{ en: Why? }', '{ nl: Waarom? }')
			.replace('equals: c', 'equals: b')
			.replace(
				'label: { nl: Kies }',
				'label: { nl: Welk plan wordt door u gekozen middels dit formulier? }'
			);
		const file = tempFile('kapotte-bevraging.yaml', stiff);
		const ok = run('lint', file);
		expect(ok.code).toBe(0);
		expect(ok.stdout).toContain('warning [passive_voice] questions[0].label.nl');
		expect(ok.stdout).toContain(
			'warning [jargon] questions[0].label.nl: "middels" is officialese; write "met". (question "kies")'
		);
		const strict = run('lint', '--max-warnings', '0', file);
		expect(strict.code).toBe(1);
		expect(strict.stderr.trim()).toBe('stadsstem: 2 warnings (at most 0 allowed)');
	});

	it('refuses to lint an invalid survey', () => {
		const { code, stderr } = run('lint', tempFile('kapotte-bevraging.yaml', BROKEN));
		expect(code).toBe(1);
		expect(stderr).toContain('fix them with "surveys validate" first');
	});
});
