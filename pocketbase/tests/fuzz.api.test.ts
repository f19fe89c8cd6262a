// Malformed, oversized and hostile input at every write endpoint (issue 11):
// the answer is always a 4xx with a message a person can read, never a 5xx,
// and nothing is stored. A seeded generator makes every failure reproducible:
// STADSSTEM_FUZZ_SEED=<seed> runs the same cases again.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type PocketBase from 'pocketbase';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, staff, superuser } from './clients.ts';
import { categoryId, DEURNE, TINY_PNG } from './melding-helpers.ts';

const SEED = Number(process.env.STADSSTEM_FUZZ_SEED ?? 20261128);
/** Cases per field and per endpoint: enough variety, bounded time. */
const ROUNDS = 6;

/** mulberry32: small, fast and the same on every machine. */
function generator(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (max: number) => Math.floor(next() * max),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]
	};
}
type Rng = ReturnType<typeof generator>;

const TRICKS = [
	'\u202e', // right-to-left override
	'\u200b', // zero-width space
	'\ufeff', // byte order mark
	'\u0000', // NUL
	'\ud800', // lone surrogate
	'\u2028', // line separator
	'\u0301', // combining accent
	'\uff1c', // fullwidth <
	'\u0430', // Cyrillic a, looks like Latin a
	'👩‍👩‍👧'
];
/** Characters no code, id, email or name field may contain (accents and emoji may be valid). */
const INVISIBLE = ['\u202e', '\u200b', '\ufeff', '\u0000', '\ud800', '\u2028'];
const PAYLOADS = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'javascript:alert(1)',
	"{{constructor.constructor('alert(1)')()}}",
	"' OR 1=1 --",
	"id != '' || 1=1",
	'../../../../etc/passwd',
	'..\\..\\..\\windows\\win.ini',
	'%2e%2e%2f%2e%2e%2fetc%2fpasswd',
	'${7*7}'
];

function nested(depth: number): unknown {
	let value: unknown = 'x';
	for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
	return value;
}

/** A value no strict field (pattern, select, relation, required JSON) may accept. */
function hostile(rng: Rng, valid: unknown): unknown {
	const text = typeof valid === 'string' ? valid : 'web';
	switch (rng.int(11)) {
		case 0:
			return rng.pick([-1, 1e308, 3.5, -0.5]);
		case 1:
			return rng.pick([true, false]);
		case 2:
			// PocketBase keeps one item of a list for a single-value field: none of these may pass.
			return ['other', `${text}\u0000`];
		case 3:
			return { $ne: null, value: text };
		case 4:
			return nested(200 + rng.int(3000));
		case 5:
			return 'x'.repeat(100_000 + rng.int(900_000));
		case 6: {
			// A valid value with an invisible or look-alike character slipped in.
			const at = rng.int(text.length + 1);
			return text.slice(0, at) + rng.pick(INVISIBLE) + text.slice(at);
		}
		case 7:
			return rng.pick(PAYLOADS);
		case 8:
			return text + rng.pick(PAYLOADS);
		case 9:
			return Array.from({ length: 1 + rng.int(40) }, () => rng.pick(TRICKS)).join('');
		default:
			return '\u0000';
	}
}

/** Raw bodies that are not the JSON object an endpoint expects. */
function hostileBodies(rng: Rng, valid: Record<string, unknown>) {
	const json = JSON.stringify(valid);
	return [
		{
			name: 'truncated JSON',
			type: 'application/json',
			body: json.slice(0, 1 + rng.int(json.length - 2))
		},
		{ name: 'JSON with trailing garbage', type: 'application/json', body: `${json}}]"` },
		{ name: 'a JSON array', type: 'application/json', body: `[${json}]` },
		{ name: 'a JSON string', type: 'application/json', body: JSON.stringify(json) },
		{ name: 'JSON null', type: 'application/json', body: 'null' },
		{ name: 'an empty body', type: 'application/json', body: '' },
		{
			name: 'deep nesting',
			type: 'application/json',
			body: '['.repeat(100_000) + ']'.repeat(100_000)
		},
		{
			name: 'a huge body',
			type: 'application/json',
			body: JSON.stringify({ ...valid, padding: 'x'.repeat(40 * 1024 * 1024) })
		},
		{ name: 'XML', type: 'application/xml', body: `<melding>${PAYLOADS[0]}</melding>` },
		{ name: 'plain text', type: 'text/plain', body: json.replace(/"/g, '') },
		{ name: 'form data that is JSON', type: 'application/x-www-form-urlencoded', body: json },
		{ name: 'multipart without boundary', type: 'multipart/form-data', body: json },
		{
			name: 'invalid UTF-8',
			type: 'application/json',
			body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])
		}
	];
}

interface Endpoint {
	name: string;
	path: string;
	headers?: Record<string, string>;
	valid: () => Record<string, unknown>;
	/** Fields that must refuse every hostile value. */
	strict: string[];
	/** Free-text fields: any text is fine, but not too much of it. */
	text: string[];
}

let su: PocketBase;
const WATCHED = [
	'responses',
	'meldingen',
	'journey_events',
	'decision_subscriptions',
	'melding_followers',
	'melding_updates'
];

async function counts(): Promise<Record<string, number>> {
	const result: Record<string, number> = {};
	for (const collection of WATCHED) {
		result[collection] = (await su.collection(collection).getList(1, 1)).totalItems;
	}
	return result;
}

async function post(
	url: string,
	body: string | Buffer | FormData,
	type: string | null,
	headers: Record<string, string> = {}
) {
	const all = { ...(type ? { 'content-type': type } : {}), ...headers };
	let status: number;
	let text: string;
	if (typeof body !== 'string' || body.length < 1024 * 1024) {
		const response = await fetch(url, {
			method: 'POST',
			headers: all,
			body: Buffer.isBuffer(body) ? new Uint8Array(body) : body
		});
		status = response.status;
		text = await response.text();
	} else {
		// A huge body on its own connection: the server may answer before reading it all
		// and close the connection, which must not disturb the client's pooled ones.
		({ status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
			const request = httpRequest(url, { method: 'POST', headers: all, agent: false }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() })
				);
			});
			request.on('error', reject);
			request.end(body);
		}));
	}
	let message: string;
	try {
		const parsed = JSON.parse(text);
		// PocketBase errors have a message; Open311 errors a description.
		message = Array.isArray(parsed)
			? String(parsed[0]?.description ?? '')
			: String(parsed.message ?? '');
	} catch {
		message = '';
	}
	return { status, message, text: text.slice(0, 300) };
}

/** One refused case: a 4xx with a message, and the stored counts unchanged. */
async function expectRefused(
	label: string,
	send: () => Promise<{ status: number; message: string; text: string }>
) {
	const before = await counts();
	const result = await send();
	const context = `${label} (seed ${SEED}): ${result.status} ${result.text}`;
	expect(result.status, context).toBeGreaterThanOrEqual(400);
	expect(result.status, context).toBeLessThan(500);
	expect(result.message.trim().length, context).toBeGreaterThan(0);
	expect(await counts(), context).toEqual(before);
}

let base: string;
let surveyId: string;
let category: string;
let openCode: string;
let openId: string;
let closedCode: string;
let handlerToken: string;
let adminToken: string;
let apiKey: string;
const kioskToken = randomBytes(24).toString('hex');
/** A second kiosk for the type checks: the fuzzing above locks the first with wrong PINs. */
const typedKioskToken = randomBytes(24).toString('hex');

beforeAll(async () => {
	su = await superuser();
	base = su.baseURL;
	surveyId = (await su.collection('surveys').getFirstListItem("slug = 'tevredenheid-webpunt'")).id;
	category = await categoryId(su, 'zwerfvuil');
	const open = await anonymous().collection('meldingen').create({
		category,
		location: DEURNE,
		channel: 'web',
		clientId: randomUUID(),
		description: 'fuzz target'
	});
	openCode = open.code;
	openId = open.id;
	const closed = await anonymous().collection('meldingen').create({
		category,
		location: DEURNE,
		channel: 'web',
		clientId: randomUUID(),
		description: 'fuzz target, closed'
	});
	const handler = await staff('handler');
	handlerToken = handler.authStore.token;
	adminToken = (await staff('admin')).authStore.token;
	await handler.send(`/api/stadsstem/staff/meldingen/${closed.id}/status`, {
		method: 'POST',
		body: { status: 'fixed', publicNote: 'Opgelost.' }
	});
	closedCode = closed.code;
	apiKey = randomBytes(24).toString('hex');
	await su.collection('api_keys').create({
		name: 'fuzz',
		keyHash: createHash('sha256').update(apiKey).digest('hex')
	});
	await su.collection('kiosks').create({
		name: 'typed kiosk',
		tokenHash: createHash('sha256').update(typedKioskToken).digest('hex'),
		pinHash: ''
	});
	await su.collection('kiosks').create({
		name: 'fuzz kiosk',
		tokenHash: createHash('sha256').update(kioskToken).digest('hex'),
		pinHash: ''
	});
});

const ENDPOINTS: Endpoint[] = [
	{
		name: 'survey response',
		path: '/api/collections/responses/records',
		valid: () => ({
			survey: surveyId,
			answers: {
				webpunt: 'permeke',
				hulp_bij: ['inloggen'],
				tevreden: 4,
				gelukt: true,
				volgende_keer_alleen: false
			},
			channel: 'web',
			language: 'nl',
			clientId: randomUUID()
		}),
		strict: ['survey', 'answers', 'channel', 'language', 'clientId'],
		text: []
	},
	{
		name: 'melding',
		path: '/api/collections/meldingen/records',
		valid: () => ({
			category,
			location: DEURNE,
			description: 'Zwerfvuil aan de hoek',
			email: 'bewoner@example.org',
			channel: 'web',
			language: 'nl',
			clientId: randomUUID()
		}),
		strict: ['category', 'location', 'email', 'channel', 'clientId'],
		text: ['description']
	},
	{
		name: 'journey event',
		path: '/api/collections/journey_events/records',
		valid: () => ({
			journeyId: randomUUID(),
			process: 'melding',
			step: 'what',
			type: 'start',
			at: new Date().toISOString(),
			channel: 'web',
			language: 'nl'
		}),
		strict: ['journeyId', 'process', 'step', 'type', 'at', 'channel', 'language'],
		text: []
	},
	{
		name: 'decision subscription',
		path: '/api/stadsstem/decision-subscriptions',
		valid: () => ({ email: `volger-${randomUUID()}@example.org`, theme: 'mobiliteit' }),
		strict: ['email', 'theme'],
		text: []
	},
	{
		name: 'decision subscription confirm',
		path: '/api/stadsstem/decision-subscriptions/confirm',
		valid: () => ({ token: randomBytes(20).toString('hex') }),
		strict: ['token'],
		text: []
	},
	{
		name: 'decision unsubscribe',
		path: '/api/stadsstem/decision-subscriptions/unsubscribe',
		valid: () => ({ token: randomBytes(20).toString('hex') }),
		strict: ['token'],
		text: []
	},
	{
		name: 'melding follow',
		path: '/api/stadsstem/meldingen/{openId}/follow',
		valid: () => ({ clientId: randomUUID(), email: 'volger@example.org', language: 'nl' }),
		strict: ['clientId', 'email', 'language'],
		text: []
	},
	{
		name: 'melding reopen',
		path: '/api/stadsstem/meldingen/{closed}/reopen',
		valid: () => ({ reason: 'Het ligt er nog steeds.' }),
		strict: [],
		text: ['reason']
	},
	{
		name: 'Open311 request',
		path: '/open311/v2/requests.json',
		valid: () => ({
			api_key: apiKey,
			service_code: 'zwerfvuil',
			lat: DEURNE.lat,
			long: DEURNE.lon,
			description: 'Via Open311',
			email: 'bewoner@example.org'
		}),
		strict: ['api_key', 'service_code', 'lat', 'long', 'email'],
		text: ['description']
	},
	{
		name: 'privacy export',
		path: '/api/stadsstem/privacy/export',
		valid: () => ({ codes: [openCode] }),
		strict: ['codes'],
		text: []
	},
	{
		name: 'privacy forget email',
		path: '/api/stadsstem/privacy/forget-email',
		valid: () => ({ code: openCode }),
		strict: ['code'],
		text: []
	},
	{
		name: 'privacy erase (admin)',
		path: '/api/stadsstem/privacy/erase',
		headers: { Authorization: '{admin}' },
		valid: () => ({ email: `niemand-${randomUUID()}@example.org`, dryRun: true }),
		strict: ['email'],
		text: []
	},
	{
		name: 'staff status change',
		path: '/api/stadsstem/staff/meldingen/{openId}/status',
		headers: { Authorization: '{handler}' },
		valid: () => ({ status: 'accepted', publicNote: 'We bekijken het.', internalNote: '' }),
		strict: ['status'],
		text: ['publicNote', 'internalNote']
	},
	{
		name: 'kiosk unlock',
		path: '/api/stadsstem/kiosk/unlock',
		headers: { 'X-Stadsstem-Kiosk': kioskToken },
		valid: () => ({ pin: '000000' }),
		strict: ['pin'],
		text: []
	}
];

/** Staff tokens exist only after login: the table names them, filled in here. */
function headersOf(endpoint: Endpoint): Record<string, string> | undefined {
	if (!endpoint.headers) return undefined;
	const tokens: Record<string, string> = { '{admin}': adminToken, '{handler}': handlerToken };
	return Object.fromEntries(
		Object.entries(endpoint.headers).map(([name, value]) => [name, tokens[value] ?? value])
	);
}

function urlOf(endpoint: Endpoint): string {
	return `${base}${endpoint.path
		.replace('{openId}', openId)
		.replace('{open}', openCode)
		.replace('{closed}', closedCode)}`;
}

describe(`fuzzing every write endpoint (seed ${SEED})`, () => {
	for (const [index, endpoint] of ENDPOINTS.entries()) {
		describe(endpoint.name, () => {
			it('refuses hostile values in each checked field', async () => {
				const rng = generator(SEED + index);
				for (const field of endpoint.strict) {
					for (let round = 0; round < ROUNDS; round++) {
						const body = endpoint.valid();
						const value = hostile(rng, body[field]);
						body[field] = value;
						const shown = JSON.stringify(value)?.slice(0, 60);
						await expectRefused(`${endpoint.name}: ${field} = ${shown}`, () =>
							post(urlOf(endpoint), JSON.stringify(body), 'application/json', headersOf(endpoint))
						);
					}
				}
			});

			it('refuses oversized free text', async () => {
				const rng = generator(SEED + 100 + index);
				for (const field of endpoint.text) {
					const body = endpoint.valid();
					body[field] = rng.pick(['x', 'é', '👩‍👩‍👧', '<b>']).repeat(3000 + rng.int(200_000));
					await expectRefused(`${endpoint.name}: ${field} too long`, () =>
						post(urlOf(endpoint), JSON.stringify(body), 'application/json', headersOf(endpoint))
					);
				}
			});

			it('refuses malformed bodies and wrong content types', async () => {
				const rng = generator(SEED + 200 + index);
				// Kiosk unlock with a wrong PIN is a 403 and counts as a try: skip the bodies that could parse.
				for (const hostileBody of hostileBodies(rng, endpoint.valid())) {
					await expectRefused(`${endpoint.name}: ${hostileBody.name}`, () =>
						post(urlOf(endpoint), hostileBody.body, hostileBody.type, headersOf(endpoint))
					);
				}
			});

			it('refuses hostile codes and ids in the path', async () => {
				if (!endpoint.path.includes('{')) return;
				for (const code of [
					'../../collections/users/records',
					'%2e%2e%2f',
					'ABCDEFG\u200b',
					"' OR 1=1"
				]) {
					const url = `${base}${endpoint.path.replace(/\{\w+\}/, encodeURIComponent(code))}`;
					await expectRefused(`${endpoint.name}: code ${code}`, () =>
						post(url, JSON.stringify(endpoint.valid()), 'application/json')
					);
				}
			});
		});
	}
});

/** Values of the wrong JSON type: none may be turned into text ("false", "[object Object]"). */
const WRONG_TEXT: unknown[] = [true, false, 0, 42.5, {}, { value: 'x' }, [], ['x']];
const WRONG_BOOL: unknown[] = ['true', 'yes', 1, 0, {}, ['x']];

interface TypedRoute {
	name: string;
	path: string;
	auth?: 'admin' | 'handler' | 'editor';
	kiosk?: boolean;
	valid: () => Record<string, unknown>;
	text: string[];
	bool?: string[];
	/** What else must stay as it was (a status, a PIN counter), as text to compare. */
	state?: () => Promise<string>;
}

const TYPED_ROUTES: TypedRoute[] = [
	{
		name: 'journey event',
		path: '/api/collections/journey_events/records',
		valid: () => ({
			journeyId: randomUUID(),
			process: 'melding',
			step: 'what',
			type: 'error',
			at: new Date().toISOString(),
			channel: 'web',
			language: 'nl',
			detail: 'photo_too_large'
		}),
		text: ['journeyId', 'process', 'step', 'type', 'at', 'channel', 'language', 'detail']
	},
	{
		name: 'decision subscription',
		path: '/api/stadsstem/decision-subscriptions',
		valid: () => ({ email: `volger-${randomUUID()}@example.org`, theme: 'mobiliteit' }),
		text: ['email', 'theme', 'district']
	},
	{
		name: 'decision subscription confirm',
		path: '/api/stadsstem/decision-subscriptions/confirm',
		valid: () => ({ token: randomBytes(20).toString('hex') }),
		text: ['token']
	},
	{
		name: 'decision unsubscribe',
		path: '/api/stadsstem/decision-subscriptions/unsubscribe',
		valid: () => ({ token: randomBytes(20).toString('hex') }),
		text: ['token']
	},
	{
		name: 'melding follow',
		path: '/api/stadsstem/meldingen/{openId}/follow',
		valid: () => ({ clientId: randomUUID(), email: 'volger@example.org', language: 'nl' }),
		text: ['clientId', 'email', 'language']
	},
	{
		name: 'melding reopen',
		path: '/api/stadsstem/meldingen/{closed}/reopen',
		valid: () => ({ reason: 'Het ligt er nog steeds.' }),
		text: ['reason'],
		state: async () =>
			(await su.collection('meldingen').getFirstListItem(`code = '${closedCode}'`)).status
	},
	{
		name: 'staff status change',
		path: '/api/stadsstem/staff/meldingen/{openId}/status',
		auth: 'handler',
		valid: () => ({
			status: 'accepted',
			publicNote: 'We bekijken het.',
			internalNote: 'Ploeg 3',
			duplicateOf: ''
		}),
		text: ['status', 'publicNote', 'internalNote', 'duplicateOf'],
		state: async () => (await su.collection('meldingen').getOne(openId)).status
	},
	{
		name: 'privacy export',
		path: '/api/stadsstem/privacy/export',
		valid: () => ({ codes: [openCode] }),
		text: ['codes']
	},
	{
		name: 'privacy forget email',
		path: '/api/stadsstem/privacy/forget-email',
		valid: () => ({ code: openCode }),
		text: ['code']
	},
	{
		name: 'privacy erase',
		path: '/api/stadsstem/privacy/erase',
		auth: 'admin',
		valid: () => ({ email: 'niemand@example.org', dryRun: true }),
		text: ['email'],
		bool: ['dryRun']
	},
	{
		name: 'response moderation',
		path: '/api/stadsstem/responses/{response}/moderation',
		auth: 'editor',
		valid: () => ({ questionId: 'opmerking', decision: 'approved' }),
		text: ['questionId', 'decision']
	},
	{
		name: 'kiosk unlock',
		path: '/api/stadsstem/kiosk/unlock',
		kiosk: true,
		valid: () => ({ pin: '000000' }),
		text: ['pin'],
		// A PIN of the wrong type must not count as a wrong try.
		state: async () => {
			const kiosk = await su.collection('kiosks').getFirstListItem("name = 'typed kiosk'");
			return `${kiosk.failedPins} ${kiosk.lockedUntil}`;
		}
	},
	{
		name: 'Open311 request (JSON)',
		path: '/open311/v2/requests.json',
		valid: () => ({
			api_key: apiKey,
			service_code: 'zwerfvuil',
			lat: DEURNE.lat,
			long: DEURNE.lon,
			description: 'Via Open311',
			email: 'bewoner@example.org'
		}),
		text: ['service_code', 'description', 'email', 'address_string']
	}
];

describe('every custom route refuses values of the wrong type', () => {
	let tokens: Record<string, string>;
	let responseId: string;

	beforeAll(async () => {
		tokens = {
			admin: adminToken,
			handler: handlerToken,
			editor: (await staff('editor')).authStore.token
		};
		const survey = await su.collection('surveys').getOne(surveyId);
		responseId =
			(await su.collection('responses').getList(1, 1, { filter: `survey = '${survey.id}'` }))
				.items[0]?.id ?? 'aaaaaaaaaaaaaaa';
	});

	for (const route of TYPED_ROUTES) {
		it(`${route.name}: a 400 that names the field, nothing changed`, async () => {
			const url = `${base}${route.path
				.replace('{openId}', openId)
				.replace('{closed}', closedCode)
				.replace('{response}', responseId)}`;
			const headers: Record<string, string> = {
				...(route.auth ? { Authorization: tokens[route.auth] } : {}),
				...(route.kiosk ? { 'X-Stadsstem-Kiosk': typedKioskToken } : {})
			};
			const cases = [
				...route.text.flatMap((field) => WRONG_TEXT.map((value) => ({ field, value }))),
				...(route.bool ?? []).flatMap((field) => WRONG_BOOL.map((value) => ({ field, value })))
			];
			for (const { field, value } of cases) {
				const body = { ...route.valid(), [field]: value };
				const label = `${route.name}: ${field} = ${JSON.stringify(value)}`;
				const state = await route.state?.();
				await expectRefused(label, async () => {
					const result = await post(url, JSON.stringify(body), 'application/json', headers);
					expect(result.status, `${label}: ${result.text}`).toBe(400);
					expect(result.text, label).toContain(field);
					return result;
				});
				if (route.state) expect(await route.state(), label).toBe(state);
			}
		});
	}
});

describe('photos with hostile file names and contents', () => {
	function form(name: string, content: Buffer, type: string) {
		const data = new FormData();
		data.set('category', category);
		data.set('location', JSON.stringify(DEURNE));
		data.set('channel', 'web');
		data.set('clientId', randomUUID());
		data.append('photos', new Blob([new Uint8Array(content)], { type }), name);
		return data;
	}

	it('refuses files that are not images, whatever their name says', async () => {
		const names = [
			'../../../etc/passwd',
			'..\\..\\boot.ini',
			'photo.png',
			'x.png.exe',
			'.htaccess',
			'\u202egnp.exe'
		];
		for (const name of names) {
			const content = Buffer.from(`#!/bin/sh\necho ${PAYLOADS[0]}\n`);
			await expectRefused(`photo ${name}`, () =>
				post(`${base}/api/collections/meldingen/records`, form(name, content, 'image/png'), null)
			);
		}
		await expectRefused('an SVG with a script', () =>
			post(
				`${base}/api/collections/meldingen/records`,
				form(
					'x.svg',
					Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`),
					'image/svg+xml'
				),
				null
			)
		);
	});

	it('stores a real photo under a traversal name only under a safe generated name', async () => {
		const result = await post(
			`${base}/api/collections/meldingen/records`,
			form('../../../../tmp/evil.png', TINY_PNG, 'image/png'),
			null
		);
		expect(result.status).toBe(200);
		const stored = await su
			.collection('meldingen')
			.getFirstListItem(
				`code = '${JSON.parse(result.text.length < 300 ? result.text : '{}').code ?? ''}'`
			)
			.catch(
				async () => (await su.collection('meldingen').getList(1, 1, { sort: '-created' })).items[0]
			);
		for (const photo of stored.photos as string[]) {
			expect(photo).toMatch(/^[A-Za-z0-9_.-]+$/);
			expect(photo).not.toContain('..');
		}
	});
});

describe('free text is kept as text', () => {
	it('stores script payloads verbatim and returns them as JSON strings, never as markup', async () => {
		const description =
			PAYLOADS.slice(0, 4).join(' ') +
			TRICKS.filter((t) => t !== '\u0000' && t !== '\ud800').join('');
		const created = await anonymous().collection('meldingen').create({
			category,
			location: DEURNE,
			channel: 'web',
			clientId: randomUUID(),
			description
		});
		// Staff read the description through the API as a JSON string; the app renders it as text.
		const handler = await staff('handler');
		handlerToken = handler.authStore.token;
		adminToken = (await staff('admin')).authStore.token;
		const response = await fetch(`${base}/api/collections/meldingen/records/${created.id}`, {
			headers: { Authorization: handler.authStore.token }
		});
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
		const view = await response.json();
		expect(view.description).toBe(description);
	});
});
