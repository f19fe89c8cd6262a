// `stadsstem decisions import` against a real, seeded server: all or nothing,
// a second run skips what is there, and our own JSON-LD reads back.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { superuser } from '../../pocketbase/tests/clients.ts';
import { importDecisions, parseDecisionsFile } from './import.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = path.join(ROOT, 'cli/decisions/fixtures');

function cli(...args: string[]) {
	const { email, password } = inject('superuser');
	const result = spawnSync(
		process.execPath,
		[path.join(ROOT, 'cli/bin/stadsstem.js'), 'decisions', 'import', ...args],
		{
			cwd: ROOT,
			encoding: 'utf8',
			env: {
				...process.env,
				STADSSTEM_URL: inject('pbUrl'),
				STADSSTEM_SUPERUSER_EMAIL: email,
				STADSSTEM_SUPERUSER_PASSWORD: password
			}
		}
	);
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function decisionCount(): Promise<number> {
	return (await (await superuser()).collection('decisions').getList(1, 1)).totalItems;
}

describe('stadsstem decisions import', () => {
	it('a malformed file: a clear report, nothing half-imported', async () => {
		const before = await decisionCount();
		const broken = cli(path.join(FIXTURES, 'kapot.jsonld'));
		expect(broken.code).toBe(1);
		expect(broken.stderr).toMatch(
			/Nothing imported from .*kapot\.jsonld: The file is not valid JSON/
		);

		// One good row among five wrong ones: the good one is not written either.
		const mixed = cli(path.join(FIXTURES, 'fouten.csv'));
		expect(mixed.code).toBe(1);
		expect(mixed.stderr).toContain('Nothing imported: 5 problem(s) to fix first.');
		expect(mixed.stderr).toMatch(/row 3 .*: no title/);
		expect(mixed.stderr).toMatch(/row 4 .*: sessionDate "2026-02-30" is not a date/);
		expect(await decisionCount()).toBe(before);
	});

	it('imports a CSV as drafts, and a second run skips every row as already imported', async () => {
		const before = await decisionCount();
		const first = cli(path.join(FIXTURES, 'besluiten.csv'));
		expect(first.stderr).toBe('');
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('Imported 2 decision(s) as drafts.');
		const pb = await superuser();
		const imported = await pb.collection('decisions').getFullList({
			filter: "sourceUri ~ 'besluiten.example.be/id/besluiten/2026-060'",
			sort: 'sourceUri'
		});
		expect(imported.map((decision) => decision.status)).toEqual(['draft', 'draft']);
		expect(imported[0].articles).toHaveLength(2);
		expect(await decisionCount()).toBe(before + 2);

		const again = cli(path.join(FIXTURES, 'besluiten.csv'));
		expect(again.code).toBe(0);
		expect(again.stdout).toContain('Imported 0 decision(s)');
		expect(again.stdout).toMatch(/Skipped 2:[\s\S]*already imported as \/beslissingen\//);
		expect(await decisionCount()).toBe(before + 2);
	});

	it('--skip-invalid imports the valid rows and says why the others were skipped', async () => {
		const result = cli(path.join(FIXTURES, 'fouten.csv'), '--skip-invalid', '--dry-run');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Would import 1 decision(s)');
		expect(result.stdout).toMatch(/Skipped 5:/);
	});

	it('--publish needs a plain-language summary for each decision', async () => {
		const result = cli(path.join(FIXTURES, 'besluiten.jsonld'), '--publish');
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/has no plain-language summary/);
	});

	it('our own JSON-LD reads back into the same decision', async () => {
		const slug = 'circulatieplan-deurne-noord';
		const response = await fetch(`${inject('pbUrl')}/api/stadsstem/decisions/${slug}.jsonld`);
		const parsed = parseDecisionsFile(`${slug}.jsonld`, await response.text());
		expect(parsed.errors).toEqual([]);
		const original = await (
			await superuser()
		)
			.collection('decisions')
			.getFirstListItem(`slug = '${slug}'`);
		const [{ decision }] = parsed.decisions;
		expect(decision).toMatchObject({
			title: original.title,
			shortTitle: original.shortTitle,
			summary: original.summary,
			body: original.body,
			district: original.district,
			sessionDate: original.sessionDate.slice(0, 10),
			publicationDate: original.publicationDate.slice(0, 10),
			inForceFrom: original.inForceFrom.slice(0, 10),
			articles: original.articles,
			themes: original.themes
		});
		// Imported as published it takes the next free address, and mails nobody: it is not news.
		const pb = await superuser();
		const report = await importDecisions(pb, parsed, { publish: true });
		expect(report.errors).toEqual([]);
		expect(report.imported.map((item) => item.slug)).toEqual([`${slug}-2`]);
		const copy = await pb.collection('decisions').getFirstListItem(`slug = '${slug}-2'`);
		expect(copy.status).toBe('published');
		expect(copy.notifiedAt).not.toBe('');
	});
});
