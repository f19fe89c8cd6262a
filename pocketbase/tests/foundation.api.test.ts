// The foundation's promises: the collections exist, API rules deny by default,
// the demo content is there, and seeding twice changes nothing.
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { seedDemoContent } from '../../cli/seed/seed.ts';
import { anonymous, staff, superuser } from './clients.ts';

const DEMO = (file: string) => path.resolve(import.meta.dirname, '../../cli/seed/demo', file);

const PRIVATE_COLLECTIONS = [
	'responses',
	'meldingen',
	'melding_updates',
	'journey_events',
	'kiosks',
	'users',
	'survey_versions'
];

describe('collections and access rules', () => {
	it('has every collection of DESIGN.md §5', async () => {
		const pb = await superuser();
		const names = (await pb.collections.getFullList()).map((collection) => collection.name);
		for (const name of [
			'users',
			'surveys',
			'responses',
			'categories',
			'meldingen',
			'melding_updates',
			'decisions',
			'journey_events',
			'kiosks'
		]) {
			expect(names).toContain(name);
		}
	});

	for (const name of PRIVATE_COLLECTIONS) {
		it(`a resident cannot list ${name}`, async () => {
			const pb = anonymous();
			const result = await pb
				.collection(name)
				.getList(1, 1)
				.then(
					(list) => list.totalItems,
					(error: { status: number }) => error.status
				);
			// PocketBase answers a list that the rule filters out with an empty page, or 403 when the rule is null.
			expect([0, 403]).toContain(result);
		});
	}

	it('a resident sees open surveys, categories and published decisions', async () => {
		const pb = anonymous();
		expect(
			(await pb.collection('surveys').getList(1, 50)).items.every((s) => s.status !== 'draft')
		).toBe(true);
		expect((await pb.collection('categories').getList(1, 1)).totalItems).toBeGreaterThanOrEqual(10);
		const decisions = await pb.collection('decisions').getFullList();
		expect(decisions.length).toBeGreaterThanOrEqual(3);
		expect(decisions.every((d) => d.status === 'published')).toBe(true);
	});

	it('a resident cannot create or change surveys, categories or decisions', async () => {
		const pb = anonymous();
		await expect(
			pb.collection('categories').create({ code: 'x', name: { nl: 'x' }, group: { nl: 'x' } })
		).rejects.toMatchObject({ status: 400 });
		const survey = (await pb.collection('surveys').getList(1, 1)).items[0];
		await expect(
			pb.collection('surveys').update(survey.id, { status: 'closed' })
		).rejects.toMatchObject({ status: 404 });
		await expect(
			pb.collection('users').create({
				email: 'me@example.com',
				password: 'x'.repeat(12),
				passwordConfirm: 'x'.repeat(12),
				role: 'admin'
			})
		).rejects.toMatchObject({ status: 403 });
	});

	it('a handler cannot edit surveys; an editor can', async () => {
		const survey = (await anonymous().collection('surveys').getList(1, 1)).items[0];
		const handler = await staff('handler');
		await expect(
			handler.collection('surveys').update(survey.id, { estimatedMinutes: 9 })
		).rejects.toMatchObject({ status: 404 });
		const editor = await staff('editor');
		const updated = await editor
			.collection('surveys')
			.update(survey.id, { estimatedMinutes: survey.estimatedMinutes });
		expect(updated.id).toBe(survey.id);
	});
});

describe('settings', () => {
	it('names the app and has the rate limiter on', async () => {
		const settings = await (await superuser()).settings.getAll();
		expect(settings.meta.appName).toBe('Stadsstem');
		expect(settings.rateLimits.enabled).toBe(true);
		expect(settings.logs.logIP).toBe(false);
	});
});

describe('serving the two builds', () => {
	const get = (path: string) => fetch(new URL(path, inject('pbUrl')));

	it('serves the citizen app at / and its shell for any deep link', async () => {
		const home = await get('/');
		const deep = await get('/melding/ABCDEFGH');
		expect(home.headers.get('content-type')).toMatch(/^text\/html/);
		expect(await deep.text()).toBe(await home.text());
	});

	it('serves the kiosk at /kiosk/ with its own shell, also for deep links', async () => {
		const citizen = await (await get('/')).text();
		const kiosk = await (await get('/kiosk/')).text();
		expect(kiosk).not.toBe(citizen);
		expect(await (await get('/kiosk/melding/ABCDEFGH')).text()).toBe(kiosk);
	});

	it('gives the install manifests the web manifest type, so browsers accept them', async () => {
		for (const path of ['/manifest.webmanifest', '/kiosk/manifest.webmanifest']) {
			const response = await get(path);
			expect(response.status, path).toBe(200);
			expect(response.headers.get('content-type'), path).toMatch(/^application\/manifest\+json/);
		}
	});
});

describe('demo content', () => {
	// Other API test files add records to the same server, so this looks for the demo ones by key.
	it('has the three demo surveys (open), the ten categories and the three decisions', async () => {
		const pb = await superuser();
		const slugs = (await pb.collection('surveys').getFullList({ filter: "status = 'open'" })).map(
			(survey) => survey.slug
		);
		expect(slugs).toEqual(
			expect.arrayContaining([
				'kruispunt-rondpunt-of-verkeerslichten',
				'tevredenheid-webpunt',
				'plein-consultatie'
			])
		);
		const codes = (await pb.collection('categories').getFullList()).map((c) => c.code);
		const demoCodes = (
			parse(readFileSync(DEMO('categories.yaml'), 'utf8')) as { code: string }[]
		).map((c) => c.code);
		expect(demoCodes).toHaveLength(10);
		expect(codes).toEqual(expect.arrayContaining(demoCodes));
		const decisionSlugs = (await pb.collection('decisions').getFullList()).map((d) => d.slug);
		const demoSlugs = (
			parse(readFileSync(DEMO('decisions.yaml'), 'utf8')) as { slug: string }[]
		).map((d) => d.slug);
		expect(demoSlugs).toHaveLength(3);
		expect(decisionSlugs).toEqual(expect.arrayContaining(demoSlugs));
	});

	it('links decisions to the surveys that informed them', async () => {
		const pb = anonymous();
		const decision = await pb
			.collection('decisions')
			.getFirstListItem("slug = 'circulatieplan-deurne-noord'", { expand: 'relatedSurveys' });
		expect(decision.expand?.relatedSurveys?.[0]?.slug).toBe(
			'kruispunt-rondpunt-of-verkeerslichten'
		);
	});

	it('seeding again creates nothing and keeps what staff changed', async () => {
		const pb = await superuser();
		const category = await pb.collection('categories').getFirstListItem("code = 'graffiti'");
		await pb.collection('categories').update(category.id, { department: 'Changed by staff' });
		const counts = await seedDemoContent(pb, { staffPassword: inject('staffPassword') });
		for (const [collection, { created }] of Object.entries(counts))
			expect(created, collection).toBe(0);
		expect((await pb.collection('categories').getOne(category.id)).department).toBe(
			'Changed by staff'
		);
		await pb.collection('categories').update(category.id, { department: category.department });
	});
});
