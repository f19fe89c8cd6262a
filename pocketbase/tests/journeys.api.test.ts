// Journey events (DESIGN.md §7, issue 8): the server keeps them only in that
// shape, refuses anything else without storing a thing, and forgets them after
// the retention period.
import { randomUUID } from 'node:crypto';
import { ClientResponseError } from 'pocketbase';
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server.ts';
import { anonymous, staff, superuser } from './clients.ts';

const DAY = 24 * 60 * 60 * 1000;
let admin: PocketBase;

beforeAll(async () => {
	admin = await superuser();
});

function event(journeyId: string, extra: Record<string, unknown> = {}) {
	return {
		journeyId,
		process: 'survey:journey-api-test',
		step: 'start',
		type: 'start',
		at: new Date().toISOString(),
		channel: 'web',
		language: 'nl',
		...extra
	};
}

/** A record id as the emitter makes one for each event. */
function eventId() {
	return randomUUID().replace(/-/g, '').slice(0, 15);
}

async function stored(journeyId: string) {
	return admin
		.collection('journey_events')
		.getFullList({ filter: admin.filter('journeyId = {:id}', { id: journeyId }), sort: 'at' });
}

/** The refusal's status and the field codes, or null when the server accepted. */
async function refusal(work: Promise<unknown>) {
	return work.then(
		() => null,
		(error: ClientResponseError) => ({ status: error.status, data: error.response?.data })
	);
}

describe('journey events: what is accepted', () => {
	it('takes one well-formed event from anyone and never lets a browser claim a kiosk', async () => {
		const id = randomUUID();
		await anonymous()
			.collection('journey_events')
			.create(event(id, { assisted: true }));
		const rows = await stored(id);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			process: 'survey:journey-api-test',
			step: 'start',
			type: 'start',
			channel: 'web',
			language: 'nl',
			kiosk: '',
			// Only a verified kiosk with a helper session makes an event assisted.
			assisted: false
		});
	});

	it('takes a batch of events in one request', async () => {
		const id = randomUUID();
		const pb = anonymous();
		const batch = pb.createBatch();
		const t0 = Date.now() - 60_000;
		batch.collection('journey_events').create(event(id, { at: new Date(t0).toISOString() }));
		batch
			.collection('journey_events')
			.create(event(id, { step: 'wat', type: 'step', at: new Date(t0 + 1000).toISOString() }));
		batch.collection('journey_events').create(
			event(id, {
				step: 'wat',
				type: 'error',
				detail: 'required',
				at: new Date(t0 + 2000).toISOString()
			})
		);
		const results = await batch.send();
		expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
		expect((await stored(id)).map((row) => [row.type, row.step, row.detail])).toEqual([
			['start', 'start', ''],
			['step', 'wat', ''],
			['error', 'wat', 'required']
		]);
	});

	it('stores an event sent again with its id once, and the rest of its batch', async () => {
		const journeyId = randomUUID();
		const pb = anonymous();
		const ids = [eventId(), eventId()];
		const first = event(journeyId, { id: ids[0] });
		const second = event(journeyId, { id: ids[1], step: 'wat', type: 'step' });
		const once = pb.createBatch();
		once.collection('journey_events').create(first);
		expect((await once.send()).map((result) => result.status)).toEqual([200]);
		// The page never heard that answer, so the first event goes again beside a new one.
		const again = pb.createBatch();
		again.collection('journey_events').create(first);
		again.collection('journey_events').create(second);
		expect((await again.send()).map((result) => result.status)).toEqual([200, 200]);
		await pb.collection('journey_events').create(second);
		expect((await stored(journeyId)).map((row) => [row.id, row.step])).toEqual([
			[ids[0], 'start'],
			[ids[1], 'wat']
		]);
	});

	it('refuses an event id of another form, and stores nothing', async () => {
		const journeyId = randomUUID();
		for (const id of ['short', 'UPPERCASE123456', 'abc-def-ghi-jkl']) {
			const result = await refusal(
				anonymous().collection('journey_events').create(event(journeyId, { id }))
			);
			expect(result?.status).toBe(400);
			expect(result?.data?.id?.code).toBe('invalid_format');
		}
		// Not text at all: PocketBase refuses it itself, also naming the field.
		const number = await refusal(
			anonymous()
				.collection('journey_events')
				.create(event(journeyId, { id: 12345 }))
		);
		expect(number?.status).toBe(400);
		expect(number?.data?.id).toBeDefined();
		expect(await stored(journeyId)).toHaveLength(0);
	});

	it('lets staff read events but not residents', async () => {
		const id = randomUUID();
		await anonymous().collection('journey_events').create(event(id));
		const handler = await staff('handler');
		expect(
			(await handler.collection('journey_events').getList(1, 1, { filter: `journeyId='${id}'` }))
				.totalItems
		).toBe(1);
		const list = await anonymous().collection('journey_events').getList(1, 50);
		expect(list.items).toHaveLength(0);
	});
});

describe('journey events: what is refused, with nothing stored', () => {
	const cases: [string, Record<string, unknown>, string, string][] = [
		['a foreign field (a name)', { name: 'Marleen' }, 'name', 'unknown_field'],
		['a foreign field (user agent)', { userAgent: 'Mozilla/5.0' }, 'userAgent', 'unknown_field'],
		['a kiosk claimed by the browser', { kiosk: 'abc123' }, 'kiosk', 'unknown_field'],
		[
			'free text as detail',
			{ type: 'error', detail: 'Mijn adres is Kerkstraat 1' },
			'detail',
			'invalid_format'
		],
		['a detail on a step event', { type: 'step', detail: 'required' }, 'detail', 'invalid_value'],
		['an unknown type', { type: 'abandon' }, 'type', 'invalid_value'],
		['an unknown channel', { channel: 'phone' }, 'channel', 'invalid_value'],
		['an unknown process', { process: 'payments' }, 'process', 'invalid_format'],
		['a step with spaces', { step: 'Stap twee' }, 'step', 'invalid_format'],
		['a time that is no time', { at: 'gisteren' }, 'at', 'invalid_format'],
		[
			'a time far in the future',
			{ at: new Date(Date.now() + DAY).toISOString() },
			'at',
			'in_future'
		],
		[
			'a time older than kept',
			{ at: new Date(Date.now() - 200 * DAY).toISOString() },
			'at',
			'too_old'
		],
		['no type', { type: undefined }, 'type', 'missing'],
		['an oversized event', { step: 's'.repeat(5000) }, 'event', 'too_large'],
		['an oversized foreign field', { padding: 'x'.repeat(100_000) }, 'event', 'too_large']
	];

	it.each(cases)('refuses %s', async (_label, extra, field, code) => {
		const id = randomUUID();
		const body = event(id, extra);
		const result = await refusal(anonymous().collection('journey_events').create(body));
		expect(result?.status).toBe(400);
		expect(result?.data?.[field]?.code).toBe(code);
		expect(await stored(id)).toHaveLength(0);
	});

	it('refuses a journey id that is not a random UUID', async () => {
		const body = event('not-a-uuid');
		const result = await refusal(anonymous().collection('journey_events').create(body));
		expect(result?.status).toBe(400);
		expect(result?.data?.journeyId?.code).toBe('invalid_format');
	});

	it('stores nothing of a batch that holds one bad event', async () => {
		const id = randomUUID();
		const batch = anonymous().createBatch();
		batch.collection('journey_events').create(event(id));
		batch.collection('journey_events').create(event(id, { step: 'wat', type: 'step' }));
		batch
			.collection('journey_events')
			.create(event(id, { step: 'wat', type: 'step', email: 'a@b.be' }));
		const result = await refusal(batch.send());
		expect(result?.status).toBe(400);
		expect(await stored(id)).toHaveLength(0);
	});

	it('refuses a batch larger than 50 events', async () => {
		const id = randomUUID();
		const batch = anonymous().createBatch();
		for (let i = 0; i < 51; i++) batch.collection('journey_events').create(event(id));
		const result = await refusal(batch.send());
		expect(result?.status).toBe(400);
		expect(await stored(id)).toHaveLength(0);
	});

	it('never lets anyone change or delete an event', async () => {
		const id = randomUUID();
		const created = await anonymous().collection('journey_events').create(event(id));
		const handler = await staff('admin');
		expect(
			(await refusal(handler.collection('journey_events').update(created.id, { step: 'x' })))
				?.status
		).toBeGreaterThanOrEqual(400);
		expect(
			(await refusal(anonymous().collection('journey_events').delete(created.id)))?.status
		).toBeGreaterThanOrEqual(400);
		expect(await stored(id)).toHaveLength(1);
	});
});

describe('journey events: retention', () => {
	it('deletes events older than the retention period (default 180 days) and keeps the rest', async () => {
		const old = randomUUID();
		const recent = randomUUID();
		// Only a superuser can store history; a browser may not send old times.
		await admin
			.collection('journey_events')
			.create(event(old, { at: new Date(Date.now() - 181 * DAY).toISOString() }));
		await admin
			.collection('journey_events')
			.create(event(recent, { at: new Date(Date.now() - 179 * DAY).toISOString() }));
		expect(await stored(old)).toHaveLength(1);

		const result = await admin.send('/api/stadsstem/journeys/retention', { method: 'POST' });
		expect(result.retentionDays).toBe(180);
		expect(result.deleted).toBeGreaterThanOrEqual(1);
		expect(await stored(old)).toHaveLength(0);
		expect(await stored(recent)).toHaveLength(1);
	});

	it('runs the purge on demand for superusers only', async () => {
		const handler = await staff('admin');
		for (const pb of [anonymous(), handler]) {
			const result = await refusal(
				pb.send('/api/stadsstem/journeys/retention', { method: 'POST' })
			);
			expect([401, 403]).toContain(result?.status);
		}
	});
});

describe('journey events: processes for the staff page', () => {
	it('lists processes with their journeys for staff only', async () => {
		const id = randomUUID();
		await anonymous()
			.collection('journey_events')
			.create(event(id, { process: 'survey:journey-api-list' }));
		const handler = await staff('handler');
		const { items } = await handler.send('/api/stadsstem/journeys/processes', {});
		expect(items).toContainEqual(
			expect.objectContaining({ process: 'survey:journey-api-list', journeys: 1, events: 1 })
		);
		const result = await refusal(anonymous().send('/api/stadsstem/journeys/processes', {}));
		expect([401, 403]).toContain(result?.status);
	});
});

describe('journey events: the period the staff page looks at', () => {
	it('lists only processes with events in the period: 90 days unless asked for another', async () => {
		const old = randomUUID();
		const process = `survey:journey-api-period-${old.slice(0, 8)}`;
		await admin
			.collection('journey_events')
			.create(event(old, { process, at: new Date(Date.now() - 100 * DAY).toISOString() }));
		const handler = await staff('handler');
		const listed = async (query: string) => {
			const answer = await handler.send(`/api/stadsstem/journeys/processes${query}`, {});
			return {
				days: answer.days,
				found: answer.items.some((i: { process: string }) => i.process === process)
			};
		};
		expect(await listed('')).toEqual({ days: 90, found: false });
		expect(await listed('?days=120')).toEqual({ days: 120, found: true });
		expect(await listed('?days=30')).toEqual({ days: 30, found: false });
		// Nonsense falls back to the default; more than is kept is capped at the retention period.
		expect(await listed('?days=soon')).toEqual({ days: 90, found: false });
		expect((await listed('?days=5000')).days).toBe(180);
	});
});

describe('journey events: what residents may know', () => {
	it('tells anyone how long events are kept', async () => {
		const answer = await anonymous().send('/api/stadsstem/journeys/settings', {});
		expect(answer).toEqual({ retentionDays: 180 });
	});
});

/** Sends `count` batches of one journey event each from loopback; returns their statuses. */
async function sendBatches(url: string, count: number): Promise<number[]> {
	const statuses: number[] = [];
	for (let i = 0; i < count; i++) {
		const response = await fetch(`${url}/api/batch`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				requests: [
					{
						method: 'POST',
						url: '/api/collections/journey_events/records',
						body: event(randomUUID())
					}
				]
			})
		});
		statuses.push(response.status);
	}
	return statuses;
}

describe('journey events: rate limits per address (limiter on for loopback)', () => {
	let server: TestServer | undefined;
	afterAll(async () => {
		await server?.stop();
	});

	it('by default takes more than the old 30 batches a minute (a webpunt shares one address)', async () => {
		server = await startTestServer({ seed: false, rateLimitLoopback: true });
		const statuses = await sendBatches(server.url, 40);
		expect(statuses.every((status) => status === 200)).toBe(true);
		await server.stop();
		server = undefined;
	});

	it('follows STADSSTEM_BATCH_RATE_LIMIT and STADSSTEM_JOURNEY_RATE_LIMIT', async () => {
		server = await startTestServer({
			seed: false,
			rateLimitLoopback: true,
			env: { STADSSTEM_BATCH_RATE_LIMIT: '3' }
		});
		expect(await sendBatches(server.url, 5)).toEqual([200, 200, 200, 429, 429]);
		await server.stop();
		server = await startTestServer({
			seed: false,
			rateLimitLoopback: true,
			env: { STADSSTEM_JOURNEY_RATE_LIMIT: '2' }
		});
		const statuses = await sendBatches(server.url, 3);
		expect(statuses.slice(0, 2)).toEqual([200, 200]);
		// The third event is over the events limit; the batch with it is refused.
		expect(statuses[2]).toBeGreaterThanOrEqual(400);
	});
});
