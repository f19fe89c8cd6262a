// Decisions (issue 5): residents never see drafts, search and filters return
// exactly what matches, each decision is valid OSLO Besluit JSON-LD, a published
// decision keeps its history, and followers get one email per new decision.
import { randomBytes } from 'node:crypto';
import type PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DISTRICTS } from '../../web/lib/api/districts.ts';
import { startTestServer, type TestServer } from '../test-server.ts';
import { anonymous, staff, superuser } from './clients.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

interface ListItem {
	slug: string;
	title: string;
	shortTitle: string;
	summary: string;
	description: string;
	body: string;
	district: string;
	sessionDate: string;
	publicationDate: string;
	inForceFrom: string;
	inForceUntil: string;
	themes: string[];
	url: string;
	jsonld: string;
}
interface ListPage {
	page: number;
	perPage: number;
	totalItems: number;
	totalPages: number;
	items: ListItem[];
	themes: { theme: string; count: number }[];
}

const unique = () => randomBytes(4).toString('hex');

async function list(params: Record<string, string>, base = inject('pbUrl')): Promise<ListPage> {
	const response = await fetch(
		`${base}/api/stadsstem/decisions?${new URLSearchParams(params).toString()}`
	);
	expect(response.status, JSON.stringify(params)).toBe(200);
	return (await response.json()) as ListPage;
}

/** Every page of a query, in order. */
async function listAll(params: Record<string, string>): Promise<ListItem[]> {
	const items: ListItem[] = [];
	for (let page = 1; ; page++) {
		const result = await list({ ...params, page: String(page), perPage: '5' });
		items.push(...result.items);
		if (page >= result.totalPages) return items;
	}
}

function draft(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	const slug = `test-${unique()}`;
	return {
		slug,
		title: `Testbeslissing ${slug}`,
		body: 'gemeenteraad',
		status: 'draft',
		language: 'nl',
		summary: 'Wat dit voor jou betekent, in gewone taal.',
		content: 'De gemeenteraad beslist.',
		motivation: 'Zo blijft de straat veilig.',
		sessionDate: '2026-06-01',
		articles: [{ number: '1', text: 'Eerste artikel.' }],
		themes: ['testthema'],
		...overrides
	};
}

describe('publish and withdraw: residents never see drafts', () => {
	let editor: PocketBase;
	beforeAll(async () => {
		editor = await staff('editor');
	});

	it('a draft is invisible to residents in the collection, the list JSON and the JSON-LD', async () => {
		const record = await editor.collection('decisions').create(draft());
		const resident = anonymous();
		await expect(resident.collection('decisions').getOne(record.id)).rejects.toMatchObject({
			status: 404
		});
		const seen = await resident
			.collection('decisions')
			.getFullList({ filter: `slug = '${record.slug}'` });
		expect(seen).toEqual([]);
		expect((await listAll({ q: record.slug })).map((item) => item.slug)).toEqual([]);
		const jsonld = await fetch(`${inject('pbUrl')}/api/stadsstem/decisions/${record.slug}.jsonld`);
		expect(jsonld.status).toBe(404);
		// Staff do see it.
		expect((await editor.collection('decisions').getOne(record.id)).status).toBe('draft');
	});

	it('a resident cannot create, change or delete decisions or their history', async () => {
		const resident = anonymous();
		await expect(
			resident.collection('decisions').create(draft({ status: 'published' }))
		).rejects.toMatchObject({ status: 400 });
		const published = (await resident.collection('decisions').getList(1, 1)).items[0];
		await expect(
			resident.collection('decisions').update(published.id, { title: 'x' })
		).rejects.toMatchObject({ status: 404 });
		await expect(resident.collection('decisions').delete(published.id)).rejects.toMatchObject({
			status: 404
		});
		await expect(
			resident.collection('decision_revisions').create({ decision: published.id, kind: 'changed' })
		).rejects.toMatchObject({ status: 403 });
		await expect(
			editor.collection('decision_revisions').create({ decision: published.id, kind: 'changed' })
		).rejects.toMatchObject({ status: 403 });
		await expect(resident.collection('decision_subscriptions').getList()).rejects.toMatchObject({
			status: 403
		});
	});

	it('a handler cannot publish; an editor can', async () => {
		const handler = await staff('handler');
		const resident = anonymous();
		// A handler can neither make a decision, published or not, nor publish an editor's draft.
		for (const status of ['draft', 'published']) {
			await expect(handler.collection('decisions').create(draft({ status }))).rejects.toMatchObject(
				{ status: 400 }
			);
		}
		const record = await editor.collection('decisions').create(draft());
		await expect(
			handler.collection('decisions').update(record.id, { status: 'published' })
		).rejects.toMatchObject({ status: 404 });
		expect((await editor.collection('decisions').getOne(record.id)).status).toBe('draft');
		await expect(resident.collection('decisions').getOne(record.id)).rejects.toMatchObject({
			status: 404
		});

		// The editor publishes the same draft: residents see it everywhere.
		const published = await editor
			.collection('decisions')
			.update(record.id, { status: 'published' });
		expect(published.status).toBe('published');
		expect((await resident.collection('decisions').getOne(record.id)).slug).toBe(record.slug);
		expect((await listAll({ q: record.slug })).map((item) => item.slug)).toEqual([record.slug]);
		const jsonld = await fetch(`${inject('pbUrl')}/api/stadsstem/decisions/${record.slug}.jsonld`);
		expect(jsonld.status).toBe(200);
	});

	it('a withdrawn decision is gone (410) at its JSON-LD address, until it is published again', async () => {
		const record = await editor.collection('decisions').create(draft({ status: 'published' }));
		const url = `${inject('pbUrl')}/api/stadsstem/decisions/${record.slug}.jsonld`;
		expect((await fetch(url)).status).toBe(200);
		await editor.collection('decisions').update(record.id, { status: 'withdrawn' });
		const gone = await fetch(url);
		expect(gone.status).toBe(410);
		expect(await gone.json()).toMatchObject({ status: 410 });
		expect((await listAll({ q: record.slug })).length).toBe(0);
		await editor.collection('decisions').update(record.id, { status: 'published' });
		expect((await fetch(url)).status).toBe(200);
	});

	it.each(['summary', 'content', 'motivation'])(
		'publishing needs a %s (plain-language summary; text and motivation, as OSLO requires)',
		async (field) => {
			const record = await editor.collection('decisions').create(draft({ [field]: ' ' }));
			await expect(
				editor.collection('decisions').update(record.id, { status: 'published' })
			).rejects.toMatchObject({ status: 400, response: { data: { [field]: expect.anything() } } });
			expect((await editor.collection('decisions').getOne(record.id)).status).toBe('draft');
			await expect(
				editor.collection('decisions').create(draft({ [field]: '', status: 'published' }))
			).rejects.toMatchObject({ status: 400, response: { data: { [field]: expect.anything() } } });
		}
	);

	it('publish, change and withdraw: the history is kept and visible while published', async () => {
		const resident = anonymous();
		const record = await editor.collection('decisions').create(draft());
		const published = await editor
			.collection('decisions')
			.update(record.id, { status: 'published' });
		// Publishing without a date dates it today.
		expect(published.publicationDate).not.toBe('');
		expect((await resident.collection('decisions').getOne(record.id)).slug).toBe(record.slug);

		await editor.collection('decisions').update(record.id, {
			summary: 'Een betere samenvatting.',
			changeNote: 'Samenvatting duidelijker gemaakt.'
		});
		// Saving without a change leaves no trace in the history.
		await editor.collection('decisions').update(record.id, { title: record.title });

		const history = await resident
			.collection('decision_revisions')
			.getFullList({ filter: `decision = '${record.id}'`, sort: 'created' });
		expect(history.map((entry) => entry.kind)).toEqual(['published', 'changed']);
		expect(history[1].changedFields).toEqual(['summary']);
		expect(history[1].previous).toEqual({ summary: record.summary });
		expect(history[1].note).toBe('Samenvatting duidelijker gemaakt.');
		// The note belongs to the history entry, not to the decision.
		expect((await editor.collection('decisions').getOne(record.id)).changeNote).toBe('');

		await editor
			.collection('decisions')
			.update(record.id, { status: 'withdrawn', changeNote: 'Vernietigd door de toezichthouder.' });
		await expect(resident.collection('decisions').getOne(record.id)).rejects.toMatchObject({
			status: 404
		});
		expect(
			await resident.collection('decision_revisions').getFullList({
				filter: `decision = '${record.id}'`
			})
		).toEqual([]);
		const staffHistory = await editor
			.collection('decision_revisions')
			.getFullList({ filter: `decision = '${record.id}'`, sort: 'created' });
		expect(staffHistory.map((entry) => entry.kind)).toEqual(['published', 'changed', 'withdrawn']);
		expect((await listAll({ q: record.slug })).length).toBe(0);
	});
});

describe('the history cannot be bypassed', () => {
	let editor: PocketBase;
	beforeAll(async () => {
		editor = await staff('editor');
	});

	async function published(overrides: Record<string, unknown> = {}) {
		const record = await editor.collection('decisions').create(draft(overrides));
		return editor.collection('decisions').update(record.id, { status: 'published' });
	}
	const history = (id: string) =>
		editor
			.collection('decision_revisions')
			.getFullList({ filter: `decision = '${id}'`, sort: 'created' });

	it('an edit saved while withdrawn is kept, with its diff and note', async () => {
		const record = await published();
		await editor.collection('decisions').update(record.id, { status: 'withdrawn' });
		await editor.collection('decisions').update(record.id, {
			title: `${record.title} (verbeterd)`,
			changeNote: 'Titel verbeterd tijdens de intrekking.'
		});
		const entries = await history(record.id);
		expect(entries.map((entry) => entry.kind)).toEqual(['published', 'withdrawn', 'changed']);
		expect(entries[2].changedFields).toEqual(['title']);
		expect(entries[2].previous).toEqual({ title: record.title });
		expect(entries[2].note).toBe('Titel verbeterd tijdens de intrekking.');
	});

	it('an edit saved with a withdrawal or a republication is kept in that entry', async () => {
		const record = await published();
		await editor.collection('decisions').update(record.id, {
			status: 'withdrawn',
			summary: 'Ingetrokken samenvatting.',
			changeNote: 'Ingetrokken na bezwaar.'
		});
		await editor.collection('decisions').update(record.id, {
			status: 'published',
			content: 'Nieuwe tekst.',
			changeNote: 'Opnieuw gepubliceerd met de nieuwe tekst.'
		});
		const entries = await history(record.id);
		expect(entries.map((entry) => entry.kind)).toEqual(['published', 'withdrawn', 'republished']);
		expect(entries[1]).toMatchObject({
			changedFields: ['summary'],
			previous: { summary: record.summary },
			note: 'Ingetrokken na bezwaar.'
		});
		expect(entries[2]).toMatchObject({
			changedFields: ['content'],
			previous: { content: record.content },
			note: 'Opnieuw gepubliceerd met de nieuwe tekst.'
		});
	});

	it('a published decision cannot go back to draft, even while withdrawn', async () => {
		const record = await published();
		for (const status of ['published', 'withdrawn']) {
			if (status === 'withdrawn')
				await editor.collection('decisions').update(record.id, { status: 'withdrawn' });
			await expect(
				editor.collection('decisions').update(record.id, { status: 'draft' })
			).rejects.toMatchObject({ status: 400, response: { data: { status: expect.anything() } } });
			expect((await editor.collection('decisions').getOne(record.id)).status).toBe(status);
		}
		expect((await history(record.id)).map((entry) => entry.kind)).toEqual([
			'published',
			'withdrawn'
		]);
	});

	it('a change to a published decision without a note is refused by the server', async () => {
		const record = await published();
		for (const note of [undefined, '', '   ']) {
			await expect(
				editor.collection('decisions').update(record.id, {
					summary: 'Zonder uitleg veranderd.',
					...(note === undefined ? {} : { changeNote: note })
				})
			).rejects.toMatchObject({
				status: 400,
				response: { data: { changeNote: expect.anything() } }
			});
		}
		expect((await editor.collection('decisions').getOne(record.id)).summary).toBe(record.summary);
		expect((await history(record.id)).map((entry) => entry.kind)).toEqual(['published']);
		// A draft that was never published is drafting: no note, no history.
		const fresh = await editor.collection('decisions').create(draft());
		await editor.collection('decisions').update(fresh.id, { summary: 'Nog een ontwerp.' });
		expect(await history(fresh.id)).toEqual([]);
	});

	it('the address (slug) stays once published, also while withdrawn', async () => {
		const record = await published();
		for (const status of ['published', 'withdrawn']) {
			if (status === 'withdrawn')
				await editor.collection('decisions').update(record.id, { status: 'withdrawn' });
			await expect(
				editor.collection('decisions').update(record.id, {
					slug: `${record.slug}-nieuw`,
					changeNote: 'Kortere link.'
				})
			).rejects.toMatchObject({ status: 400, response: { data: { slug: expect.anything() } } });
			expect((await editor.collection('decisions').getOne(record.id)).slug).toBe(record.slug);
		}
		await editor.collection('decisions').update(record.id, { status: 'published' });
		const jsonld = await fetch(`${inject('pbUrl')}/api/stadsstem/decisions/${record.slug}.jsonld`);
		expect(jsonld.status).toBe(200);
		// A draft that was never published may still change its address.
		const fresh = await editor.collection('decisions').create(draft());
		const moved = await editor
			.collection('decisions')
			.update(fresh.id, { slug: `${fresh.slug}-nieuw` });
		expect(moved.slug).toBe(`${fresh.slug}-nieuw`);
	});

	it('a refused save inside the history transaction keeps its field error (a slug taken)', async () => {
		const record = await editor.collection('decisions').create(draft());
		for (const save of [
			() => editor.collection('decisions').create(draft({ slug: record.slug })),
			() => editor.collection('decisions').create(draft({ slug: record.slug, status: 'published' }))
		]) {
			await expect(save()).rejects.toMatchObject({
				status: 400,
				response: { data: { slug: { code: 'validation_not_unique' } } }
			});
		}
		const other = await published();
		await expect(
			editor.collection('decisions').update(other.id, { title: '', changeNote: 'Leeg.' })
		).rejects.toMatchObject({ status: 400, response: { data: { title: expect.anything() } } });
		// Nothing of a refused save reaches the history.
		expect((await history(other.id)).map((entry) => entry.kind)).toEqual(['published']);
	});

	it('every field residents read is tracked', async () => {
		const admin = await superuser();
		const schema = await admin.collections.getOne('decisions');
		const survey = (await admin.collection('surveys').getList(1, 1)).items[0];
		const category = (await admin.collection('categories').getList(1, 1)).items[0];
		// Not content: the status (the entry's kind says it), the note itself, where an
		// import came from, and the slug (it never changes after publication, tested below).
		const untracked = ['status', 'changeNote', 'sourceUri', 'slug'];
		const record = await published({ district: 'deurne', location: { lat: 51.2, lon: 4.4 } });
		const changed: Record<string, unknown> = {};
		for (const field of schema.fields) {
			if (field.system || field.hidden || field.type === 'autodate') continue;
			if (untracked.includes(field.name)) continue;
			const current = record[field.name];
			const value = (() => {
				switch (field.type) {
					case 'date':
						return '2027-02-03';
					case 'select':
						return (field.values as string[]).find((candidate) => candidate !== current);
					case 'geoPoint':
						return { lat: 51.25, lon: 4.45 };
					case 'relation':
						return field.name === 'relatedSurveys' ? [survey.id] : [category.id];
					case 'json':
						return field.name === 'articles'
							? [{ number: '1', text: 'Een nieuw artikel.' }]
							: field.name === 'themes'
								? ['nieuw-thema']
								: { nieuw: true };
					case 'number':
						return Number(current ?? 0) + 1;
					case 'bool':
						return !current;
					case 'url':
						return 'https://example.org/nieuw';
					case 'text':
						return field.name === 'language' ? 'fr' : `Nieuw: ${field.name}`;
					default:
						return `<p>Nieuw: ${field.name}</p>`;
				}
			})();
			changed[field.name] = value;
		}
		expect(Object.keys(changed)).toEqual(expect.arrayContaining(['title', 'articles', 'location']));
		await editor
			.collection('decisions')
			.update(record.id, { ...changed, changeNote: 'Alles herschreven.' });
		const [, entry] = await history(record.id);
		expect(entry.kind).toBe('changed');
		expect([...entry.changedFields].sort()).toEqual(Object.keys(changed).sort());
	});
});

describe('search and filters', () => {
	let all: RecordModel[];
	const today = new Date().toISOString().slice(0, 10);
	const shift = (days: number) =>
		new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

	beforeAll(async () => {
		const editor = await staff('editor');
		// Varied decisions, enough for several pages: the expected results below
		// are computed from the data, never written down.
		const districts = ['deurne', 'hoboken', ''];
		const bodies = ['gemeenteraad', 'college', 'districtsraad'];
		const themes = [['mobiliteit'], ['groen', 'klimaat'], ['wonen']];
		for (let index = 0; index < 12; index++) {
			await editor.collection('decisions').create(
				draft({
					title: `Filterproef ${index} ${index % 2 ? 'fietsstraat' : 'speelplein'}`,
					summary: index % 3 === 0 ? 'Een nieuwe fietsstraat in de wijk.' : 'Meer groen.',
					status: 'published',
					district: districts[index % 3],
					body: bodies[index % 3],
					themes: themes[index % 3],
					sessionDate: `2026-0${1 + (index % 9)}-1${index % 10}`,
					publicationDate: `2026-0${1 + (index % 9)}-2${index % 10}`,
					inForceFrom: index % 4 === 0 ? shift(5) : shift(-10),
					inForceUntil: index % 5 === 0 ? shift(-1) : ''
				})
			);
		}
		all = await anonymous().collection('decisions').getFullList();
	});

	const day = (value: string) => (value ? value.slice(0, 10) : '');
	// Everything residents read, lower case and without accents, as the search compares.
	const text = (record: RecordModel) =>
		[
			record.title,
			record.shortTitle,
			record.summary,
			record.description,
			record.content,
			record.motivation,
			record.participationNote ?? '',
			...(record.articles ?? []).map((article: { text: string }) => article.text),
			...(record.themes ?? [])
		]
			.join(' ')
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase();
	const cases: [string, Record<string, string>, (record: RecordModel) => boolean][] = [
		['one word', { q: 'fietsstraat' }, (r) => text(r).includes('fietsstraat')],
		[
			'two words, in any field, both needed',
			{ q: 'FIETSSTRAAT filterproef' },
			(r) => text(r).includes('fietsstraat') && text(r).includes('filterproef')
		],
		['district', { district: 'deurne' }, (r) => r.district === 'deurne'],
		['body', { body: 'college' }, (r) => r.body === 'college'],
		['theme', { theme: 'klimaat' }, (r) => (r.themes ?? []).includes('klimaat')],
		[
			'period from',
			{ from: '2026-05-01' },
			(r) => !!r.sessionDate && day(r.sessionDate) >= '2026-05-01'
		],
		[
			'period from and to',
			{ from: '2026-03-01', to: '2026-06-30' },
			(r) =>
				!!r.sessionDate && day(r.sessionDate) >= '2026-03-01' && day(r.sessionDate) <= '2026-06-30'
		],
		[
			'in force now',
			{ inForce: '1' },
			(r) =>
				(!r.inForceFrom || day(r.inForceFrom) <= today) &&
				(!r.inForceUntil || day(r.inForceUntil) >= today)
		],
		[
			'combined',
			{ q: 'groen', district: 'hoboken', inForce: '1' },
			(r) =>
				text(r).includes('groen') &&
				r.district === 'hoboken' &&
				(!r.inForceFrom || day(r.inForceFrom) <= today) &&
				(!r.inForceUntil || day(r.inForceUntil) >= today)
		]
	];

	for (const [name, params, matches] of cases) {
		it(`${name}: exactly the published decisions that match`, async () => {
			const expected = all.filter(matches).map((record) => record.slug);
			expect(expected.length).toBeGreaterThan(0);
			expect(expected.length).toBeLessThan(all.length);
			const found = await listAll(params);
			expect(found.map((item) => item.slug).sort()).toEqual([...expected].sort());
		});
	}

	it('is newest first across pages, without duplicates or gaps', async () => {
		const found = await listAll({});
		expect(found.length).toBe(all.length);
		expect(new Set(found.map((item) => item.slug)).size).toBe(found.length);
		const dates = found.map((item) => item.publicationDate);
		expect(dates).toEqual([...dates].sort().reverse());
		const first = await list({ perPage: '5' });
		expect(first.totalItems).toBe(all.length);
		expect(first.totalPages).toBe(Math.ceil(all.length / 5));
	});

	it('offers every theme in use, with its count', async () => {
		const { themes } = await list({});
		const counts = new Map<string, number>();
		for (const record of all)
			for (const theme of record.themes ?? []) counts.set(theme, (counts.get(theme) ?? 0) + 1);
		expect(Object.fromEntries(themes.map((entry) => [entry.theme, entry.count]))).toEqual(
			Object.fromEntries(counts)
		);
	});

	it('searches everything residents read, in any case, with or without accents', async () => {
		const editor = await staff('editor');
		const tag = unique();
		const cafe = await editor.collection('decisions').create(
			draft({
				status: 'published',
				publicationDate: '2026-03-01',
				title: `Terrassen voor het Café ${tag}`,
				content: 'De financiële bijdrage van de uitbaters blijft gelijk.',
				motivation: 'De Vlaamse Codex Ruimtelijke Ordening laat het toe.',
				articles: [
					{ number: '1', text: 'Terrassen mogen tot 23 uur open.' },
					{ number: '2', text: `Elke uitbater hangt een zwaluwnestkast${tag} op.` }
				]
			})
		);
		const later = await editor.collection('decisions').create(
			draft({
				status: 'published',
				publicationDate: '2026-04-01',
				title: `Naïeve kunst in het CAFE ${tag}`,
				summary: 'Een financiele steun voor kunstenaars.'
			})
		);
		const slugs = async (q: string) => (await listAll({ q })).map((item) => item.slug);
		// Newest first also in search results.
		expect(await slugs(`cafe ${tag}`)).toEqual([later.slug, cafe.slug]);
		expect(await slugs(`CAFÉ ${tag}`)).toEqual([later.slug, cafe.slug]);
		expect(await slugs(`café ${tag} financiële`)).toEqual([later.slug, cafe.slug]);
		expect(await slugs(`FINANCIELE ${tag}`)).toEqual([later.slug, cafe.slug]);
		expect(await slugs(`naieve ${tag}`)).toEqual([later.slug]);
		expect(await slugs(`NAÏEVE ${tag}`)).toEqual([later.slug]);
		// A word only in an article, only in the motivation, part of a longer word.
		expect(await slugs(`zwaluwnestkast${tag}`)).toEqual([cafe.slug]);
		expect(await slugs(`nestkast${tag}`)).toEqual([cafe.slug]);
		expect(await slugs(`codex ${tag}`)).toEqual([cafe.slug]);
		expect(await slugs(`terrassen ${tag} kunstenaars`)).toEqual([]);
		// A change is searchable at once; what is gone is no longer found.
		await editor.collection('decisions').update(cafe.id, {
			articles: [{ number: '1', text: 'Terrassen mogen tot 23 uur open.' }],
			changeNote: 'Artikel 2 geschrapt.'
		});
		expect(await slugs(`zwaluwnestkast${tag}`)).toEqual([]);
	});

	it('a search for a wildcard character finds it literally', async () => {
		expect((await list({ q: '%' })).totalItems).toBe(
			all.filter((record) => text(record).includes('%')).length
		);
		expect((await list({ q: '_' })).totalItems).toBe(
			all.filter((record) => text(record).includes('_')).length
		);
	});

	it('rejects a filter it does not know, naming it', async () => {
		for (const [param, value] of [
			['district', 'gent'],
			['body', 'parlement'],
			['from', '1-1-2026'],
			['perPage', '500']
		]) {
			const response = await fetch(
				`${inject('pbUrl')}/api/stadsstem/decisions?${param}=${encodeURIComponent(value)}`
			);
			expect(response.status).toBe(400);
			expect(((await response.json()) as { data: object }).data).toHaveProperty(param);
		}
	});

	it('offers exactly the districts the database stores and the filter accepts', async () => {
		// The app and the hooks share web/lib/api/districts.ts, the select fields come from
		// the migrations: a district added to one but not the other would fail on save.
		const admin = await superuser();
		for (const [collection, field] of [
			['decisions', 'district'],
			['decision_subscriptions', 'district'],
			['surveys', 'district'],
			['meldingen', 'district'],
			['users', 'districts']
		]) {
			const schema = await admin.collections.getOne(collection);
			const select = schema.fields.find((candidate) => candidate.name === field);
			expect(select?.values, `${collection}.${field}`).toEqual([...DISTRICTS]);
		}
		for (const district of DISTRICTS) await list({ district });
	});
});

describe('JSON-LD (OSLO Besluit, ELI)', () => {
	const REQUIRED_PREFIXES = {
		besluit: 'http://data.vlaanderen.be/ns/besluit#',
		eli: 'http://data.europa.eu/eli/ontology#',
		prov: 'http://www.w3.org/ns/prov#'
	};

	/** Every compact IRI used as a key or type must have its prefix in the context. */
	function undefinedPrefixes(
		node: unknown,
		context: Record<string, unknown>,
		found: string[] = []
	) {
		if (Array.isArray(node)) {
			for (const item of node) undefinedPrefixes(item, context, found);
		} else if (node && typeof node === 'object') {
			for (const [key, value] of Object.entries(node)) {
				const names = key === '@type' ? [value].flat() : [key];
				for (const name of names) {
					if (typeof name !== 'string' || name.startsWith('@')) continue;
					const prefix = name.split(':')[0];
					if (!name.includes(':') && !(name in context)) found.push(name);
					if (name.includes(':') && !(prefix in context)) found.push(name);
				}
				if (key !== '@context') undefinedPrefixes(value, context, found);
			}
		}
		return found;
	}

	it('every published decision parses as JSON-LD with the required OSLO properties', async () => {
		const decisions = await anonymous().collection('decisions').getFullList();
		for (const decision of decisions) {
			const response = await fetch(
				`${inject('pbUrl')}/api/stadsstem/decisions/${decision.slug}.jsonld`
			);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
			const doc = (await response.json()) as Record<string, unknown> & {
				'@context': Record<string, unknown>;
			};
			for (const [prefix, iri] of Object.entries(REQUIRED_PREFIXES)) {
				expect(doc['@context'][prefix]).toBe(iri);
			}
			expect(undefinedPrefixes(doc, doc['@context'])).toEqual([]);
			expect(new URL(doc['@id'] as string).pathname).toBe(`/beslissingen/${decision.slug}`);
			expect(doc['@type']).toBe('besluit:Besluit');
			expect(doc['eli:title']).toBe(decision.title);
			expect(doc['eli:date_publication']).toBe(decision.publicationDate.slice(0, 10));
			expect(doc['eli:date_publication']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(doc['eli:language']).toMatch(
				/^http:\/\/publications\.europa\.eu\/resource\/authority\/language\//
			);
			expect(doc['eli:passed_by']).toMatchObject({ '@type': 'besluit:Bestuursorgaan' });
			expect(doc['schema:abstract']).toBe(decision.summary);
			const articles = (doc['eli:has_part'] ?? []) as Record<string, string>[];
			expect(articles.length).toBe((decision.articles ?? []).length);
			articles.forEach((article, index) => {
				expect(article['@type']).toBe('besluit:Artikel');
				expect(article['eli:number']).toBe(String(decision.articles[index].number));
				expect(article['prov:value']).toBe(decision.articles[index].text);
			});
		}
	});

	it('names the surveys that informed the decision', async () => {
		const pb = anonymous();
		const decision = await pb
			.collection('decisions')
			.getFirstListItem("slug = 'circulatieplan-deurne-noord'", { expand: 'relatedSurveys' });
		const slugs = (decision.expand?.relatedSurveys ?? []).map((survey: RecordModel) => survey.slug);
		expect(slugs.length).toBeGreaterThan(0);
		const doc = await (
			await fetch(`${inject('pbUrl')}/api/stadsstem/decisions/${decision.slug}.jsonld`)
		).json();
		expect(
			(doc['prov:wasInfluencedBy'] as { '@id': string }[]).map((s) => new URL(s['@id']).pathname)
		).toEqual(slugs.map((slug: string) => `/bevraging/${slug}`));
	});

	it('answers 404 for an unknown slug and for a path without .jsonld', async () => {
		for (const path of ['bestaat-niet.jsonld', 'circulatieplan-deurne-noord', '..%2Fx.jsonld']) {
			expect((await fetch(`${inject('pbUrl')}/api/stadsstem/decisions/${path}`)).status).toBe(404);
		}
	});
});

describe('following a theme or district by email', () => {
	let sink: SmtpSink;
	let server: TestServer;
	let editor: PocketBase;
	let su: PocketBase;

	beforeAll(async () => {
		sink = await startSmtpSink();
		server = await startTestServer({
			env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_SENDER: 'stad@test.local' }
		});
		editor = await loginEditor(server);
		const { default: Client } = await import('pocketbase');
		su = new Client(server.url);
		su.autoCancellation(false);
		await su
			.collection('_superusers')
			.authWithPassword(server.superuser.email, server.superuser.password);
	}, 180_000);

	/** Runs the server's own mail job now instead of at the next minute (PocketBase's cron API). */
	const deliver = () => su.send('/api/crons/decisionMails', { method: 'POST' });
	afterAll(async () => {
		await server?.stop();
		await sink?.stop();
	});

	async function loginEditor(target: TestServer): Promise<PocketBase> {
		const { default: Client } = await import('pocketbase');
		const pb = new Client(target.url);
		pb.autoCancellation(false);
		await pb.collection('users').authWithPassword('pieter@stadsstem.local', target.staffPassword);
		return pb;
	}

	const post = (path: string, body: unknown) =>
		fetch(`${server.url}/api/stadsstem/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});

	const tokenIn = (mail: { text: string }, param: string) =>
		new RegExp(`${param}=([A-Za-z0-9]+)`).exec(mail.text)?.[1] ?? '';

	it('confirms first, then mails once per new matching decision, and forgets on unsubscribe', async () => {
		const email = `fatima-${unique()}@example.com`;
		const district = 'hoboken';
		expect((await post('decision-subscriptions', { email, district })).status).toBe(202);
		const confirmation = await sink.waitFor((mail) => mail.to.includes(email));
		const token = tokenIn(confirmation, 'bevestig');
		expect(token.length).toBeGreaterThanOrEqual(32);

		// Not yet confirmed: publishing a matching decision sends nothing to this address.
		const early = await editor
			.collection('decisions')
			.create(draft({ district, status: 'published', title: `Vroeg ${unique()}` }));
		expect((await post('decision-subscriptions/confirm', { token })).status).toBe(200);

		// A decision elsewhere, then one in the district: only the second is mailed.
		await editor
			.collection('decisions')
			.create(draft({ district: 'ekeren', status: 'published', title: `Elders ${unique()}` }));
		const matching = await editor
			.collection('decisions')
			.create(draft({ district, title: `In Hoboken ${unique()}` }));
		await editor.collection('decisions').update(matching.id, { status: 'published' });
		await deliver();
		const news = await sink.waitFor(
			(mail) => mail.to.includes(email) && mail.text.includes(matching.title)
		);
		expect(news.text).toContain(`/beslissingen/${matching.slug}`);
		const mailsToHer = () => sink.messages.filter((mail) => mail.to.includes(email));
		expect(mailsToHer().some((mail) => mail.text.includes(early.title))).toBe(false);
		expect(mailsToHer().some((mail) => mail.text.includes('Elders'))).toBe(false);

		// Withdrawn and published again: no second email.
		await editor.collection('decisions').update(matching.id, { status: 'withdrawn' });
		await editor.collection('decisions').update(matching.id, { status: 'published' });

		const unsubscribe = tokenIn(news, 'uitschrijven');
		expect((await post('decision-subscriptions/unsubscribe', { token: unsubscribe })).status).toBe(
			200
		);
		expect(
			await su.collection('decision_subscriptions').getFullList({ filter: `email = '${email}'` })
		).toEqual([]);

		// A marker decision for another follower proves later mails were sent, and none to her.
		const other = `jan-${unique()}@example.com`;
		await post('decision-subscriptions', { email: other, theme: 'marker' });
		const otherToken = tokenIn(await sink.waitFor((mail) => mail.to.includes(other)), 'bevestig');
		await post('decision-subscriptions/confirm', { token: otherToken });
		await editor
			.collection('decisions')
			.create(
				draft({ district, themes: ['marker'], status: 'published', title: `Marker ${unique()}` })
			);
		await deliver();
		await sink.waitFor((mail) => mail.to.includes(other) && mail.text.includes('Marker'));
		expect(mailsToHer().filter((mail) => mail.text.includes(matching.title)).length).toBe(1);
		expect(mailsToHer().some((mail) => mail.text.includes('Marker'))).toBe(false);
	});

	it('checks the form and never says whether an address is known', async () => {
		expect(
			(await post('decision-subscriptions', { email: 'geen-adres', theme: 'groen' })).status
		).toBe(400);
		expect((await post('decision-subscriptions', { email: 'a@example.com' })).status).toBe(400);
		expect(
			(await post('decision-subscriptions', { email: 'a@example.com', district: 'gent' })).status
		).toBe(400);
		const first = await post('decision-subscriptions', { email: 'b@example.com', theme: 'groen' });
		const again = await post('decision-subscriptions', { email: 'b@example.com', theme: 'groen' });
		expect([first.status, again.status]).toEqual([202, 202]);
		expect(await again.json()).toEqual(await first.json());
		expect((await post('decision-subscriptions/confirm', { token: 'x'.repeat(40) })).status).toBe(
			404
		);
	});
	it('a mail server that is down delays the email, never loses it: sent once when it is back', async () => {
		const follow = async (email: string, theme: string) => {
			expect((await post('decision-subscriptions', { email, theme })).status).toBe(202);
			const token = tokenIn(await sink.waitFor((mail) => mail.to.includes(email)), 'bevestig');
			expect((await post('decision-subscriptions/confirm', { token })).status).toBe(200);
		};
		const email = `ahmed-${unique()}@example.com`;
		const theme = `storing-${unique()}`;
		await follow(email, theme);

		const port = sink.port;
		await sink.stop();
		const decision = await editor
			.collection('decisions')
			.create(
				draft({ themes: [theme], status: 'published', title: `Tijdens de storing ${unique()}` })
			);
		// Publishing does not wait for the mail server: the email is queued.
		const queue = () =>
			su.collection('decision_mails').getFullList({ filter: `decision = '${decision.id}'` });
		expect(await queue()).toMatchObject([{ sentAt: '' }]);
		await deliver();
		await expect
			.poll(async () => (await queue())[0].attempts, { timeout: 30_000 })
			.toBeGreaterThanOrEqual(1);
		expect((await queue())[0].sentAt).toBe('');
		expect((await su.collection('decisions').getOne(decision.id)).notifiedAt).toBe('');

		sink = await startSmtpSink(port);
		// The server's scheduler retries by itself (every minute, after a 30 s wait).
		const mail = await sink.waitFor(
			(candidate) => candidate.to.includes(email) && candidate.text.includes(decision.title),
			150_000
		);
		expect(mail.text).toContain(`/beslissingen/${decision.slug}`);
		await expect
			.poll(async () => (await su.collection('decisions').getOne(decision.id)).notifiedAt, {
				timeout: 30_000
			})
			.not.toBe('');
		// Sent: who was mailed about what is not kept.
		expect(await queue()).toEqual([]);

		// Later runs send it no second time: a marker mailed by a later run proves they ran.
		const other = `marker-${unique()}@example.com`;
		const markerTheme = `marker-${unique()}`;
		await follow(other, markerTheme);
		const marker = await editor
			.collection('decisions')
			.create(draft({ themes: [markerTheme], status: 'published', title: `Marker ${unique()}` }));
		await deliver();
		await sink.waitFor(
			(candidate) => candidate.to.includes(other) && candidate.text.includes(marker.title)
		);
		expect(
			sink.messages.filter(
				(candidate) => candidate.to.includes(email) && candidate.text.includes(decision.title)
			)
		).toHaveLength(1);
	}, 240_000);
});
