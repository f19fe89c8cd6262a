// Open311 GeoReport v2 (JSON) under /open311/v2/: every endpoint and every
// error case of the spec, against a real PocketBase, with a key the CLI issued.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../server.ts';
import { superuser } from './clients.ts';
import { changeStatus, DEURNE, freshSpot } from './melding-helpers.ts';
import { staff } from './clients.ts';

const base = () => `${inject('pbUrl')}/open311/v2`;
let apiKey = '';

function post(fields: Record<string, string>): Promise<Response> {
	return fetch(`${base()}/requests.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString()
	});
}

async function expectError(response: Response, status: number, mentions: string): Promise<void> {
	expect(response.status).toBe(status);
	const body = (await response.json()) as { code: number; description: string }[];
	expect(Array.isArray(body)).toBe(true);
	expect(body[0].code).toBe(status);
	expect(body[0].description).toContain(mentions);
}

beforeAll(() => {
	// The key comes from the real CLI, as a city's IT would issue it.
	const { email, password } = inject('superuser');
	const output = execFileSync(
		process.execPath,
		[
			path.join(REPO_ROOT, 'cli/bin/stadsstem.js'),
			'keys',
			'create',
			`partner-${Date.now()}`,
			'--url',
			inject('pbUrl'),
			'--email',
			email
		],
		{ env: { ...process.env, STADSSTEM_SUPERUSER_PASSWORD: password }, encoding: 'utf8' }
	);
	apiKey = output.trim().split('\n').at(-1) ?? '';
});

describe('stadsstem keys create', () => {
	it('prints a key once and stores only its hash', async () => {
		expect(apiKey).toMatch(/^ss_[A-Za-z0-9_-]{40,}$/);
		const admin = await superuser();
		const keys = await admin.collection('api_keys').getFullList();
		expect(JSON.stringify(keys)).not.toContain(apiKey);
		expect(keys.some((key) => apiKey.startsWith(key.prefix))).toBe(true);
	});
});

describe('discovery and services', () => {
	it('discovery.json names the GeoReport v2 endpoint in JSON', async () => {
		const response = await fetch(`${base()}/discovery.json`);
		expect(response.status).toBe(200);
		const discovery = await response.json();
		expect(discovery.endpoints[0]).toMatchObject({
			specification: 'http://wiki.open311.org/GeoReport_v2',
			formats: ['application/json']
		});
		expect(discovery.endpoints[0].url).toMatch(/\/open311\/v2$/);
	});

	it('services.json lists every active category as a service', async () => {
		const services = await (await fetch(`${base()}/services.json`)).json();
		const admin = await superuser();
		const categories = await admin
			.collection('categories')
			.getFullList({ filter: 'active = true' });
		expect(services).toHaveLength(categories.length);
		const light = services.find(
			(service: { service_code: string }) => service.service_code === 'straatverlichting'
		);
		expect(light).toMatchObject({
			service_name: 'Straatverlichting',
			metadata: true,
			type: 'realtime',
			group: 'Straat en verkeer'
		});
	});

	it('services/{code}.json gives the extra questions as attributes', async () => {
		const definition = await (await fetch(`${base()}/services/straatverlichting.json`)).json();
		expect(definition.service_code).toBe('straatverlichting');
		const problem = definition.attributes.find((a: { code: string }) => a.code === 'problem');
		expect(problem).toMatchObject({ datatype: 'singlevaluelist', variable: true, order: 1 });
		const admin = await superuser();
		const category = await admin
			.collection('categories')
			.getFirstListItem("code = 'straatverlichting'");
		const question = category.extraQuestions.find((q: { id: string }) => q.id === 'problem');
		expect(problem.values.map((v: { key: string }) => v.key)).toEqual(
			question.options.map((option: { value: string }) => option.value)
		);
	});

	it('unknown service code → 404; unknown jurisdiction → 404; other format → 400', async () => {
		await expectError(await fetch(`${base()}/services/bestaat-niet.json`), 404, 'service_code');
		await expectError(
			await fetch(`${base()}/services.json?jurisdiction_id=gent.be`),
			404,
			'jurisdiction_id'
		);
		await expectError(await fetch(`${base()}/services/straatverlichting.xml`), 400, 'JSON');
	});
});

describe('POST requests.json', () => {
	it('creates a melding from lat/long with attributes, and returns its id and token', async () => {
		const spot = freshSpot();
		const response = await post({
			api_key: apiKey,
			service_code: 'straatverlichting',
			lat: String(spot.lat),
			long: String(spot.lon),
			description: 'Lamp knippert',
			email: 'partner-user@example.com',
			'attribute[problem]': 'flicker'
		});
		expect(response.status).toBe(200);
		const [created] = await response.json();
		// The record id, never the tracking code: Open311 lists are public and a code proves ownership.
		expect(created.service_request_id).toMatch(/^[a-z0-9]{15}$/);
		const admin = await superuser();
		const record = await admin.collection('meldingen').getOne(created.service_request_id);
		expect(JSON.stringify(created)).not.toContain(record.code);
		expect(record).toMatchObject({
			channel: 'open311',
			status: 'new',
			district: 'deurne',
			extra: { problem: 'flicker' },
			description: 'Lamp knippert'
		});
		const token = await (await fetch(`${base()}/tokens/${created.token}.json`)).json();
		expect(token).toEqual([
			{ service_request_id: created.service_request_id, token: created.token }
		]);
	});

	it('keeps form values as text even when they look like a number or a boolean', async () => {
		const spot = freshSpot();
		const response = await post({
			api_key: apiKey,
			service_code: 'sluikstort',
			lat: String(spot.lat),
			long: String(spot.lon),
			description: '42',
			address_string: 'true'
		});
		expect(response.status).toBe(200);
		const [created] = await response.json();
		const record = await (
			await superuser()
		)
			.collection('meldingen')
			.getOne(created.service_request_id);
		expect(record).toMatchObject({ description: '42', address: 'true' });
	});

	it('creates a melding from an address_string alone', async () => {
		const response = await post({
			api_key: apiKey,
			service_code: 'sluikstort',
			address_string: 'Ter Heydelaan 50, 2100 Deurne'
		});
		expect(response.status).toBe(200);
		const [created] = await response.json();
		const [request] = await (
			await fetch(`${base()}/requests/${created.service_request_id}.json`)
		).json();
		expect(request).toMatchObject({ address: 'Ter Heydelaan 50, 2100 Deurne', lat: null });
	});

	it('refuses a missing or wrong api_key with 403', async () => {
		const fields = {
			service_code: 'sluikstort',
			lat: String(DEURNE.lat),
			long: String(DEURNE.lon)
		};
		await expectError(await post(fields), 403, 'api_key');
		await expectError(await post({ ...fields, api_key: 'ss_wrong' }), 403, 'api_key');
	});

	it('refuses each bad request with the spec error and stores nothing', async () => {
		const admin = await superuser();
		const before = (await admin.collection('meldingen').getList(1, 1)).totalItems;
		const point = { lat: String(DEURNE.lat), long: String(DEURNE.lon) };
		await expectError(await post({ api_key: apiKey, ...point }), 400, 'service_code');
		await expectError(
			await post({ api_key: apiKey, service_code: 'bestaat-niet', ...point }),
			404,
			'service_code'
		);
		await expectError(
			await post({ api_key: apiKey, service_code: 'sluikstort' }),
			400,
			'address_string'
		);
		await expectError(
			await post({ api_key: apiKey, service_code: 'sluikstort', lat: '50.85', long: '4.35' }),
			400,
			'outside'
		);
		await expectError(
			await post({ api_key: apiKey, service_code: 'sluikstort', lat: 'noord', long: '4.4' }),
			400,
			'lat'
		);
		await expectError(
			await post({
				api_key: apiKey,
				service_code: 'sluikstort',
				...point,
				'attribute[kleur]': 'x'
			}),
			400,
			'kleur'
		);
		await expectError(
			await post({
				api_key: apiKey,
				service_code: 'straatverlichting',
				...point,
				'attribute[problem]': 'ontploft'
			}),
			400,
			'extra'
		);
		await expectError(
			await post({ api_key: apiKey, service_code: 'sluikstort', ...point, jurisdiction_id: 'x' }),
			404,
			'jurisdiction_id'
		);
		await expectError(
			await post({
				api_key: apiKey,
				service_code: 'sluikstort',
				...point,
				description: 'x'.repeat(10_000)
			}),
			400,
			'description'
		);
		expect((await admin.collection('meldingen').getList(1, 1)).totalItems).toBe(before);
	});
});

describe('GET requests', () => {
	it('requests/{id}.json shows status open/closed with status_notes, never the email', async () => {
		const spot = freshSpot();
		const [created] = await (
			await post({
				api_key: apiKey,
				service_code: 'graffiti',
				lat: String(spot.lat),
				long: String(spot.lon),
				description: 'Tags op de gevel',
				email: 'geheim@example.com'
			})
		).json();
		const id = created.service_request_id;
		const first = await (await fetch(`${base()}/requests/${id}.json`)).json();
		expect(first[0]).toMatchObject({
			service_request_id: id,
			status: 'open',
			service_code: 'graffiti'
		});
		expect(first[0].lat).toBeCloseTo(spot.lat, 5);
		expect(first[0].long).toBeCloseTo(spot.lon, 5);
		expect(JSON.stringify(first)).not.toContain('geheim@example.com');
		// Free text only for key holders.
		expect(first[0].description).toBeUndefined();
		const withKey = await (await fetch(`${base()}/requests/${id}.json?api_key=${apiKey}`)).json();
		expect(withKey[0].description).toBe('Tags op de gevel');

		const admin = await superuser();
		const record = await admin.collection('meldingen').getOne(id);
		await changeStatus(await staff('handler'), record.id, {
			status: 'fixed',
			publicNote: 'Gevel gereinigd.'
		});
		const after = await (await fetch(`${base()}/requests/${id}.json`)).json();
		expect(after[0]).toMatchObject({ status: 'closed', status_notes: 'Gevel gereinigd.' });
	});

	it('requests/{id}.json: unknown id → 404', async () => {
		await expectError(
			await fetch(`${base()}/requests/zzzzzzzzzzzzzzz.json`),
			404,
			'service_request_id'
		);
		await expectError(await fetch(`${base()}/tokens/nope.json`), 404, 'token');
	});

	it('requests.json filters by id, service_code, status and dates', async () => {
		const spot = freshSpot();
		const ids: string[] = [];
		for (const service_code of ['speeltuin', 'speeltuin', 'fietspad']) {
			const [created] = await (
				await post({
					api_key: apiKey,
					service_code,
					lat: String(spot.lat),
					long: String(spot.lon)
				})
			).json();
			ids.push(created.service_request_id);
		}
		const admin = await superuser();
		const closed = await admin.collection('meldingen').getOne(ids[1]);
		await changeStatus(await staff('handler'), closed.id, { status: 'not_ours' });

		const get = async (query: string) =>
			(await (await fetch(`${base()}/requests.json?${query}`)).json()) as {
				service_request_id: string;
				status: string;
				service_code: string;
			}[];
		const byId = await get(`service_request_id=${ids[0]},${ids[2]}`);
		expect(byId.map((r) => r.service_request_id).sort()).toEqual([ids[0], ids[2]].sort());

		const playgrounds = await get('service_code=speeltuin');
		expect(playgrounds.every((r) => r.service_code === 'speeltuin')).toBe(true);
		expect(playgrounds.map((r) => r.service_request_id)).toEqual(
			expect.arrayContaining([ids[0], ids[1]])
		);

		const openPlaygrounds = await get('service_code=speeltuin&status=open');
		expect(openPlaygrounds.map((r) => r.service_request_id)).toContain(ids[0]);
		expect(openPlaygrounds.map((r) => r.service_request_id)).not.toContain(ids[1]);
		const closedOnes = await get('status=closed');
		expect(closedOnes.every((r) => r.status === 'closed')).toBe(true);
		expect(closedOnes.map((r) => r.service_request_id)).toContain(ids[1]);

		const future = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
		expect(await get(`start_date=${future}`)).toEqual([]);
		const past = new Date(Date.now() - 3600 * 1000).toISOString();
		expect(
			(await get(`start_date=${past}&service_code=fietspad`)).map((r) => r.service_request_id)
		).toContain(ids[2]);
	});

	it('requests.json refuses bad filters with 400 and an unknown service with 404', async () => {
		await expectError(
			await fetch(`${base()}/requests.json?start_date=gisteren`),
			400,
			'start_date'
		);
		await expectError(await fetch(`${base()}/requests.json?status=half`), 400, 'status');
		await expectError(
			await fetch(`${base()}/requests.json?service_code=bestaat-niet`),
			404,
			'service_code'
		);
		const later = new Date().toISOString();
		const earlier = new Date(Date.now() - 3600 * 1000).toISOString();
		await expectError(
			await fetch(`${base()}/requests.json?start_date=${later}&end_date=${earlier}`),
			400,
			'start_date'
		);
	});
});
