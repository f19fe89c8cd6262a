// `stadsstem decisions import` against a real, seeded server: all or nothing,
// a second run skips what is there, and our own JSON-LD reads back.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { superuser } from '../../pocketbase/tests/clients.ts';
import { importDecisions, parseDecisionsFile, type DecisionInput } from './import.ts';

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

	it('--publish needs a plain-language summary, a text and a motivation for each decision', async () => {
		const before = await decisionCount();
		const result = cli(path.join(FIXTURES, 'besluiten.jsonld'), '--publish');
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/has no plain-language summary/);
		// The CSV export has no column with the decided text.
		const csv = cli(path.join(FIXTURES, 'besluiten.csv'), '--publish');
		expect(csv.code).toBe(1);
		expect(csv.stderr).toMatch(/has no decided text \(inhoud\), so it cannot be published/);
		expect(await decisionCount()).toBe(before);
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
			themes: original.themes,
			location: original.location
		});
		expect(decision.location).not.toBeNull();
		// Imported as published it takes the next free address, and mails nobody: it is not news.
		const pb = await superuser();
		const report = await importDecisions(pb, parsed, { publish: true });
		expect(report.errors).toEqual([]);
		expect(report.imported.map((item) => item.slug)).toEqual([`${slug}-2`]);
		const copy = await pb.collection('decisions').getFirstListItem(`slug = '${slug}-2'`);
		expect(copy.status).toBe('published');
		expect(copy.notifiedAt).not.toBe('');
		expect(copy.location).toEqual(original.location);
		// Published by the import: its history starts there, saying where it came from.
		const history = await pb
			.collection('decision_revisions')
			.getFullList({ filter: `decision = '${copy.id}'` });
		expect(history).toMatchObject([{ kind: 'published', note: expect.stringContaining('http') }]);
	});

	it('a decision refused late in a large import: nothing of the import is kept, the report names it', async () => {
		const tag = randomBytes(4).toString('hex');
		const decision = (index: number): DecisionInput => ({
			sourceUri: `https://besluiten.example.be/id/atomair-${tag}/${index}`,
			slug: `atomair-${tag}-${index}`,
			title: `Besluit ${index} van een grote uitvoer`,
			shortTitle: '',
			description: '',
			content: 'De gemeenteraad beslist.',
			motivation: 'Het reglement was verouderd.',
			summary: 'In gewone taal.',
			body: 'gemeenteraad',
			// The server refuses this one only: it is far past the first hundred written.
			district: index === 130 ? 'nergens' : '',
			sessionDate: '2026-03-02',
			publicationDate: '',
			inForceFrom: '',
			inForceUntil: '',
			articles: [{ number: '1', text: 'Enig artikel.' }],
			themes: [],
			location: index % 2 ? { lat: 51.2, lon: 4.4 } : null
		});
		const pb = await superuser();
		// Deletes fail on this connection, as when it breaks during a clean-up: an import that
		// wrote in parts and deleted them again on failure would leave its first parts behind.
		pb.beforeSend = (url, options) =>
			options.method === 'DELETE'
				? { url: url.replace('/api/collections/', '/api/verbroken/'), options }
				: { url, options };
		const parsed = {
			decisions: Array.from({ length: 150 }, (_, index) => ({
				where: `row ${index + 2}`,
				decision: decision(index)
			})),
			skipped: [],
			errors: []
		};
		await expect(importDecisions(pb, parsed, { publish: true })).rejects.toThrow(
			/^Nothing was imported: row 132 was refused: .*district/
		);
		const left = await (
			await superuser()
		)
			.collection('decisions')
			.getList(1, 1, { filter: `sourceUri ~ 'atomair-${tag}'` });
		expect(left.totalItems).toBe(0);

		// The same import without the wrong one is written whole, with its locations.
		parsed.decisions[130].decision.district = '';
		const report = await importDecisions(pb, parsed);
		expect(report.imported).toHaveLength(150);
		const written = await (
			await superuser()
		)
			.collection('decisions')
			.getFullList({ filter: `sourceUri ~ 'atomair-${tag}'`, sort: 'slug' });
		expect(written).toHaveLength(150);
		expect(written.filter((record) => record.location?.lat === 51.2)).toHaveLength(75);
	});

	it('the import route refuses bad input with a 400 and writes nothing', async () => {
		const pb = await superuser();
		const before = await decisionCount();
		const tag = randomBytes(4).toString('hex');
		const good = {
			slug: `route-${tag}`,
			title: 'Goed',
			body: 'college',
			summary: 'Kort.',
			content: 'Het college beslist.',
			motivation: 'Omdat het nodig is.'
		};
		for (const body of [
			{},
			{ decisions: 'alles' },
			{ decisions: [] },
			{ decisions: [null] },
			{
				decisions: [
					{ decision: good },
					{ decision: { ...good, slug: `route-${tag}-2`, location: 'hier' } }
				]
			},
			{
				decisions: [
					{ decision: good },
					{ decision: { ...good, slug: `route-${tag}-3`, articles: '{' } }
				]
			},
			{ decisions: [{ decision: good }, { decision: { ...good, slug: 'Geen Slug!' } }] },
			{ decisions: [{ decision: good }, { decision: good }] },
			{ decisions: [{ decision: { ...good, summary: '' } }], publish: true },
			{ decisions: [{ decision: { ...good, motivation: '' } }], publish: true }
		]) {
			const response = await fetch(`${inject('pbUrl')}/api/stadsstem/decisions/import`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: pb.authStore.token },
				body: JSON.stringify(body)
			});
			expect(response.status, JSON.stringify(body)).toBe(400);
		}
		expect(await decisionCount()).toBe(before);
	});
});
