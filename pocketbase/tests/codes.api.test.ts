// A tracking code is the only proof that a melding is yours: with it you read
// the melding's status, export what is kept, delete your email and reopen it.
// So no route may ever hand one resident's code to anyone else (issue 11).
// Here a neighbour walks every route a resident or a partner can reach,
// around someone else's melding, and the reporter's code never appears.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type PocketBase from 'pocketbase';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, staff, superuser } from './clients.ts';
import { categoryId, changeStatus, fileMelding, freshSpot, north } from './melding-helpers.ts';

const HOOKS = fileURLToPath(new URL('../pb_hooks', import.meta.url));

/** Routes no resident or partner reaches: staff, admins and superusers hold every code anyway. */
const STAFF_ONLY = [
	'POST /api/stadsstem/staff/meldingen/{id}/status',
	'POST /api/stadsstem/privacy/erase',
	'POST /api/stadsstem/privacy/retention',
	'POST /api/stadsstem/journeys/retention',
	'GET /api/stadsstem/journeys/processes',
	'POST /api/stadsstem/responses/{id}/moderation',
	'POST /api/stadsstem/decisions/import'
];

/** Routes that never touch meldingen: nothing of a code to give. */
const NO_MELDINGEN = [
	'GET /api/stadsstem/decisions',
	'GET /api/stadsstem/decisions/{file}',
	'POST /api/stadsstem/decision-subscriptions',
	'POST /api/stadsstem/decision-subscriptions/confirm',
	'POST /api/stadsstem/decision-subscriptions/unsubscribe',
	'GET /api/stadsstem/kiosk/hello',
	'POST /api/stadsstem/kiosk/unlock',
	'POST /api/stadsstem/kiosk/lock',
	'GET /api/stadsstem/surveys/{slug}/results',
	'GET /api/stadsstem/privacy/periods',
	'GET /api/stadsstem/journeys/settings',
	'GET /open311/v2/discovery.json',
	'GET /open311/v2/services.json',
	'GET /open311/v2/services/{file}'
];

/** Every custom route the hooks declare, as "METHOD /path". */
function declaredRoutes(): string[] {
	const routes: string[] = [];
	for (const file of readdirSync(HOOKS).filter((name) => name.endsWith('.pb.js'))) {
		const source = readFileSync(path.join(HOOKS, file), 'utf8');
		for (const match of source.matchAll(/routerAdd\(\s*'(\w+)',\s*'([^']+)'/g)) {
			routes.push(`${match[1]} ${match[2]}`);
		}
	}
	return routes.sort();
}

let su: PocketBase;
let apiKey: string;
/** Every response body the neighbour saw, by route. */
const seen = new Map<string, string>();

async function call(route: string, url: string, init?: RequestInit): Promise<string> {
	const response = await fetch(url, init);
	const text = await response.text();
	expect(response.status, `${route}: ${text.slice(0, 200)}`).toBeLessThan(500);
	seen.set(route, (seen.get(route) ?? '') + text);
	return text;
}

function postJson(body: unknown): RequestInit {
	return {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	};
}

beforeAll(async () => {
	su = await superuser();
	apiKey = randomBytes(24).toString('hex');
	await su.collection('api_keys').create({
		name: `codes-${randomUUID().slice(0, 8)}`,
		keyHash: createHash('sha256').update(apiKey).digest('hex')
	});
});

describe("no route gives one resident's code to another", () => {
	it('a neighbour who finds, follows, reopens and exports the melding never sees its code', async () => {
		const base = su.baseURL;
		const pb = anonymous();
		const category = await categoryId(pb, 'straatverlichting');
		const here = freshSpot();
		const reported = await fileMelding(pb, {
			category,
			location: here,
			email: 'melder@example.org',
			description: 'Lamp uit'
		});
		// The neighbour's own melding a few metres away, later merged as a duplicate.
		const mine = await fileMelding(pb, { category, location: north(here, 8) });
		const handler = await staff('handler');

		const nearby = await call(
			'GET /api/stadsstem/meldingen/nearby',
			`${base}/api/stadsstem/meldingen/nearby?category=straatverlichting&lat=${here.lat}&lon=${here.lon}`
		);
		const found = (JSON.parse(nearby).items as { id: string }[]).find(
			(item) => item.id === reported.id
		);
		expect(found).toBeDefined();

		const followed = JSON.parse(
			await call(
				'POST /api/stadsstem/meldingen/{id}/follow',
				`${base}/api/stadsstem/meldingen/${reported.id}/follow`,
				postJson({ clientId: randomUUID(), email: 'buur@example.org', language: 'nl' })
			)
		) as { code: string };
		await call(
			'GET /api/stadsstem/meldingen/{code}',
			`${base}/api/stadsstem/meldingen/${followed.code}`
		);
		await call(
			'POST /api/stadsstem/privacy/export',
			`${base}/api/stadsstem/privacy/export`,
			postJson({ codes: [followed.code, mine.code] })
		);

		await changeStatus(handler, reported.id, { status: 'fixed', publicNote: 'Lamp vervangen.' });
		await call(
			'POST /api/stadsstem/meldingen/{code}/reopen',
			`${base}/api/stadsstem/meldingen/${followed.code}/reopen`,
			postJson({ reason: 'Brandt nog steeds niet.' })
		);
		await changeStatus(handler, mine.id, { status: 'duplicate', duplicateOf: reported.code });
		const myView = JSON.parse(
			await call(
				'GET /api/stadsstem/meldingen/{code}',
				`${base}/api/stadsstem/meldingen/${mine.code}`
			)
		);
		// The duplicate points the neighbour to the original with a code of their own.
		expect(myView.duplicateOf).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
		await call(
			'POST /api/stadsstem/privacy/forget-email',
			`${base}/api/stadsstem/privacy/forget-email`,
			postJson({ code: followed.code })
		);

		for (const key of ['', `&api_key=${apiKey}`]) {
			await call(
				'GET /open311/v2/requests.json',
				`${base}/open311/v2/requests.json?service_code=straatverlichting${key}`
			);
			await call(
				'GET /open311/v2/requests/{file}',
				`${base}/open311/v2/requests/${reported.id}.json?${key.slice(1)}`
			);
		}
		const filed = await call('POST /open311/v2/requests.json', `${base}/open311/v2/requests.json`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				api_key: apiKey,
				service_code: 'straatverlichting',
				lat: String(north(here, 3).lat),
				long: String(here.lon)
			}).toString()
		});
		await call(
			'GET /open311/v2/tokens/{file}',
			`${base}/open311/v2/tokens/${JSON.parse(filed)[0].token}.json`
		);
		await call('GET /api/stadsstem/map', `${base}/api/stadsstem/map`);

		// The collections themselves: nothing listable for a resident.
		for (const collection of ['meldingen', 'melding_followers', 'melding_updates']) {
			await call(
				`collection ${collection}`,
				`${base}/api/collections/${collection}/records?perPage=500`
			);
		}

		for (const [route, text] of seen) {
			expect(text, route).not.toContain(reported.code);
		}
		// And the other way round: the reporter's own routes never show the follower's code.
		const reporterView = await (
			await fetch(`${base}/api/stadsstem/meldingen/${reported.code}`)
		).text();
		const reporterExport = await (
			await fetch(`${base}/api/stadsstem/privacy/export`, postJson({ codes: [reported.code] }))
		).text();
		expect(reporterView).not.toContain(followed.code);
		expect(reporterExport).not.toContain(followed.code);
		expect(reporterView).not.toContain(myView.duplicateOf);

		// Every route the hooks declare was walked here, or is staff-only, or has no meldingen.
		const walked = [...seen.keys()].filter((route) => !route.startsWith('collection '));
		const unaccounted = declaredRoutes().filter(
			(route) =>
				!walked.includes(route) && !STAFF_ONLY.includes(route) && !NO_MELDINGEN.includes(route)
		);
		expect(unaccounted).toEqual([]);
	});
});
