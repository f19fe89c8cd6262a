// Meldingen (issue 4) against a real PocketBase: what a resident, a follower
// and a handler rely on, and what bad input must never store.
import { randomUUID } from 'node:crypto';
import { EventSource } from 'eventsource';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server.ts';
import { anonymous, staff, superuser } from './clients.ts';
import {
	categoryId,
	changeStatus,
	DEURNE,
	fileMelding,
	freshSpot,
	north,
	readByCode,
	TINY_PNG
} from './melding-helpers.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

// Node has no EventSource; the SDK's realtime client needs one.
(globalThis as { EventSource?: unknown }).EventSource ??= EventSource;

const CODE = /^[2-9A-HJ-NP-Z]{8}$/;
const url = () => inject('pbUrl');

async function countByClient(clientId: string): Promise<number> {
	const admin = await superuser();
	return (await admin.collection('meldingen').getList(1, 1, { filter: `clientId = '${clientId}'` }))
		.totalItems;
}

async function expectRefused(
	body: Record<string, unknown> | FormData,
	field: string,
	code: string
): Promise<void> {
	const clientId = randomUUID();
	if (body instanceof FormData) body.set('clientId', clientId);
	const attempt =
		body instanceof FormData
			? anonymous().collection('meldingen').create(body)
			: fileMelding(anonymous(), { clientId, ...(body as { category: string }) });
	const error = await attempt.then(
		() => null,
		(caught: { status: number; response: { data: Record<string, { code: string }> } }) => caught
	);
	expect(error, 'the server refused').not.toBeNull();
	expect(error?.status).toBe(400);
	expect(error?.response.data[field]?.code).toBe(code);
	expect(await countByClient(clientId), 'nothing stored').toBe(0);
}

describe('filing a melding', () => {
	it('the server gives a code and status; what the resident sends for them is ignored', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'straatverlichting'),
			description: 'De lamp brandt niet meer.',
			location: DEURNE,
			extra: { problem: 'off' },
			status: 'fixed',
			publicStatus: 'done',
			code: 'AAAAAAAA',
			district: 'wilrijk'
		});
		expect(created.code).toMatch(CODE);
		expect(created.code).not.toBe('AAAAAAAA');
		expect(created.status).toBe('new');
		expect(created.publicStatus).toBe('received');
		expect(created.district).toBe('deurne');
	});

	it('a resend with the same clientId (its answer was lost) gets the same code and files nothing twice', async () => {
		const pb = anonymous();
		const clientId = randomUUID();
		const body = {
			clientId,
			category: await categoryId(pb, 'zwerfvuil'),
			address: 'Turnhoutsebaan 2',
			description: `resend ${clientId}`
		};
		const first = await fileMelding(pb, body);
		const again = await fileMelding(pb, { ...body, description: 'changed on the way' });
		expect(again.code).toBe(first.code);
		expect(again.id).toBe(first.id);
		// The resend learns the code it already had, not what was filed with it.
		expect(again).not.toHaveProperty('description');
		const stored = await (
			await superuser()
		)
			.collection('meldingen')
			.getFullList({ filter: `clientId = '${clientId}'` });
		expect(stored.map((melding) => melding.description)).toEqual([`resend ${clientId}`]);
	});

	it('codes are different each time and use the alphabet without look-alikes', async () => {
		const pb = anonymous();
		const category = await categoryId(pb, 'zwerfvuil');
		const codes = new Set<string>();
		for (let i = 0; i < 15; i++) {
			const created = await fileMelding(pb, { category, address: 'Turnhoutsebaan 1' });
			expect(created.code).toMatch(CODE);
			codes.add(created.code);
		}
		expect(codes.size).toBe(15);
	});

	it('accepts an address typed by hand without a point, and up to three photos', async () => {
		const pb = anonymous();
		const form = new FormData();
		form.set('category', await categoryId(pb, 'sluikstort'));
		form.set('address', 'Herentalsebaan 100, Deurne');
		form.set('channel', 'web');
		form.set('clientId', randomUUID());
		form.set('extra', JSON.stringify({ size: 'large' }));
		for (let i = 0; i < 3; i++) {
			form.append('photos', new Blob([TINY_PNG], { type: 'image/png' }), `foto-${i}.png`);
		}
		const created = await pb.collection('meldingen').create(form);
		expect(created.photos).toHaveLength(3);
		expect(created.district).toBe('');
	});

	it('a resident can read no melding through the collection, not even their own', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'graffiti'),
			location: freshSpot()
		});
		await expect(pb.collection('meldingen').getOne(created.id)).rejects.toMatchObject({
			status: 404
		});
		await expect(
			pb.collection('meldingen').update(created.id, { status: 'fixed' })
		).rejects.toMatchObject({ status: 404 });
		expect((await pb.collection('meldingen').getList(1, 10)).totalItems).toBe(0);
	});
});

describe('bad input: a clear error and nothing stored', () => {
	it('unknown category', () =>
		expectRefused({ category: 'bestaat-niet', location: DEURNE }, 'category', 'category_unknown'));

	it('missing location (no point and no address)', async () =>
		expectRefused(
			{ category: await categoryId(anonymous(), 'graffiti'), description: 'Tags op de muur' },
			'location',
			'location_missing'
		));

	it('coordinates outside the city', async () =>
		expectRefused(
			{ category: await categoryId(anonymous(), 'graffiti'), location: { lat: 50.85, lon: 4.35 } },
			'location',
			'location_outside_city'
		));

	it('a 10,000-character description', async () =>
		expectRefused(
			{
				category: await categoryId(anonymous(), 'graffiti'),
				location: DEURNE,
				description: 'a'.repeat(10_000)
			},
			'description',
			'description_too_long'
		));

	it('an answer that is not one of the options of an extra question', async () =>
		expectRefused(
			{
				category: await categoryId(anonymous(), 'straatverlichting'),
				location: DEURNE,
				extra: { problem: 'exploded' }
			},
			'extra',
			'extra_invalid_option'
		));

	it('a file that is not a photo', async () => {
		const form = new FormData();
		form.set('category', await categoryId(anonymous(), 'graffiti'));
		form.set('address', 'Kerkstraat 1');
		form.set('channel', 'web');
		form.append('photos', new Blob(['%PDF-1.4 not a photo'], { type: 'application/pdf' }), 'x.pdf');
		await expectRefused(form, 'photos', 'validation_invalid_mime_type');
	});

	it('a 30 MB photo', async () => {
		const form = new FormData();
		const clientId = randomUUID();
		form.set('category', await categoryId(anonymous(), 'graffiti'));
		form.set('address', 'Kerkstraat 1');
		form.set('channel', 'web');
		form.set('clientId', clientId);
		const huge = Buffer.alloc(30 * 1024 * 1024);
		TINY_PNG.copy(huge);
		form.append('photos', new Blob([huge], { type: 'image/png' }), 'groot.png');
		const error = await anonymous()
			.collection('meldingen')
			.create(form)
			.then(
				() => null,
				(caught: { status: number }) => caught
			);
		// PocketBase refuses the body before reading it (413) or the file field refuses its size (400).
		expect([400, 413]).toContain(error?.status);
		expect(await countByClient(clientId)).toBe(0);
	});

	it('the Open311 channel is not for the web create API', async () =>
		expectRefused(
			{ category: await categoryId(anonymous(), 'graffiti'), location: DEURNE, channel: 'open311' },
			'channel',
			'channel_invalid'
		));
});

describe('reading a melding by its code', () => {
	it('returns public fields only: never the email, description, photos or notes', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'sluikstort'),
			description: 'Matras naast de container, ik ben Fatima van nummer 3',
			email: 'fatima@example.com',
			location: freshSpot()
		});
		const handler = await staff('handler');
		await changeStatus(handler, created.id, {
			status: 'planned',
			publicNote: 'We halen het afval op binnen 3 werkdagen.',
			internalNote: 'Ploeg Oost'
		});
		const response = await readByCode(url(), created.code);
		expect(response.status).toBe(200);
		const text = await response.text();
		const view = JSON.parse(text);
		expect(view.code).toBe(created.code);
		expect(view.publicStatus).toBe('in_progress');
		expect(view.category.code).toBe('sluikstort');
		expect(view.timeline.map((entry: { note: string }) => entry.note)).toContain(
			'We halen het afval op binnen 3 werkdagen.'
		);
		for (const secret of ['fatima@example.com', 'Fatima van nummer 3', 'Ploeg Oost', created.id]) {
			expect(text).not.toContain(secret);
		}
		expect(Object.keys(view)).not.toContain('email');
		expect(Object.keys(view)).not.toContain('photos');
	});

	it('answers 404 for an unknown or malformed code, in any case', async () => {
		expect((await readByCode(url(), 'ZZZZZZZZ')).status).toBe(404);
		expect((await readByCode(url(), 'not-a-code')).status).toBe(404);
	});

	it('accepts the code in lower case, as people type it', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'graffiti'),
			location: freshSpot()
		});
		expect((await readByCode(url(), created.code.toLowerCase())).status).toBe(200);
	});

	it('staff see the reporter email; an editor cannot change status', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'graffiti'),
			email: 'bewoner@example.com',
			location: freshSpot()
		});
		const handler = await staff('handler');
		expect((await handler.collection('meldingen').getOne(created.id)).email).toBe(
			'bewoner@example.com'
		);
		const editor = await staff('editor');
		await expect(changeStatus(editor, created.id, { status: 'accepted' })).rejects.toMatchObject({
			status: 403
		});
		await expect(changeStatus(pb, created.id, { status: 'accepted' })).rejects.toMatchObject({
			status: 401
		});
	});
});

describe('status transitions', () => {
	it('takes allowed steps and refuses the others, writing the timeline', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'wegdek-voetpad'),
			location: freshSpot()
		});
		const handler = await staff('handler');
		for (const [status, publicStatus] of [
			['accepted', 'in_progress'],
			['planned', 'in_progress'],
			['in_progress', 'in_progress'],
			['fixed', 'done']
		]) {
			const result = await changeStatus(handler, created.id, {
				status,
				publicNote: `naar ${status}`
			});
			expect(result).toMatchObject({ status, publicStatus });
		}
		// A closed melding only reopens.
		for (const status of ['planned', 'accepted', 'new', 'in_progress', 'bogus']) {
			await expect(changeStatus(handler, created.id, { status })).rejects.toMatchObject({
				status: 400
			});
		}
		const updates = await handler
			.collection('melding_updates')
			.getFullList({ filter: `melding = '${created.id}'`, sort: 'created' });
		expect(updates.map((update) => update.status)).toEqual([
			'accepted',
			'planned',
			'in_progress',
			'fixed'
		]);
		expect(updates.every((update) => update.author)).toBe(true);
		const record = await handler.collection('meldingen').getOne(created.id);
		expect(record.status).toBe('fixed');
		expect(record.closedAt).not.toBe('');
	});

	it('refuses a reopen by staff of an open melding, and a jump back to new', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'graffiti'),
			location: freshSpot()
		});
		const handler = await staff('handler');
		await expect(changeStatus(handler, created.id, { status: 'reopened' })).rejects.toMatchObject({
			status: 400
		});
		await changeStatus(handler, created.id, { status: 'accepted' });
		await expect(changeStatus(handler, created.id, { status: 'new' })).rejects.toMatchObject({
			status: 400
		});
	});

	it('a handler cannot set status through the collection API around the flow', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'graffiti'),
			location: freshSpot()
		});
		const handler = await staff('handler');
		await expect(
			handler.collection('meldingen').update(created.id, { status: 'fixed' })
		).rejects.toMatchObject({ status: 400 });
		await expect(
			handler.collection('melding_updates').create({ melding: created.id, status: 'fixed' })
		).rejects.toMatchObject({ status: 403 });
		// Correcting the address is fine.
		const fixed = await handler
			.collection('meldingen')
			.update(created.id, { address: 'Ter Heydelaan 20' });
		expect(fixed.address).toBe('Ter Heydelaan 20');
		expect(fixed.status).toBe('new');
	});

	it('a note without a new status is a note in the timeline', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'graffiti'),
			location: freshSpot()
		});
		const handler = await staff('handler');
		await expect(changeStatus(handler, created.id, {})).rejects.toMatchObject({ status: 400 });
		await changeStatus(handler, created.id, { internalNote: 'Eigenaar van de muur bellen' });
		const view = await (await readByCode(url(), created.code)).json();
		expect(view.publicStatus).toBe('received');
		expect(JSON.stringify(view)).not.toContain('Eigenaar van de muur bellen');
	});
});

/** Follows a melding by its record id, as the "is this it?" step does. */
function follow(pb: PocketBase, id: string, body: Record<string, unknown>) {
	return pb.send(`/api/stadsstem/meldingen/${id}/follow`, { method: 'POST', body });
}

describe('nearby, follow and duplicate', () => {
	it('shows open meldingen of the same category within 50 m only, by id and never with their code', async () => {
		const pb = anonymous();
		const here = freshSpot();
		const light = await categoryId(pb, 'straatverlichting');
		const near = await fileMelding(pb, { category: light, location: north(here, 20) });
		const far = await fileMelding(pb, { category: light, location: north(here, 80) });
		const other = await fileMelding(pb, {
			category: await categoryId(pb, 'graffiti'),
			location: north(here, 10)
		});
		const nearby = `${url()}/api/stadsstem/meldingen/nearby?category=straatverlichting&lat=${here.lat}&lon=${here.lon}`;
		const response = await fetch(nearby);
		const text = await response.text();
		const { items } = JSON.parse(text) as { items: { id: string; distance: number }[] };
		const ids = items.map((item) => item.id);
		expect(ids).toContain(near.id);
		expect(ids).not.toContain(far.id);
		expect(ids).not.toContain(other.id);
		expect(items.find((item) => item.id === near.id)?.distance).toBeCloseTo(20, -1);
		expect(text).not.toContain('email');
		// A code proves ownership: nearby shows none.
		expect(text).not.toContain(near.code);
		expect(items.every((item) => !('code' in item))).toBe(true);

		await changeStatus(await staff('handler'), near.id, { status: 'fixed' });
		const after = await (await fetch(nearby)).json();
		expect(after.items.map((item: { id: string }) => item.id)).not.toContain(near.id);
	});

	it('following adds a follower with a code of their own, not a melding; a second follow from the same device changes nothing', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'straatverlichting'),
			location: freshSpot()
		});
		const clientId = randomUUID();
		const first = await follow(pb, created.id, { clientId, email: 'lotte@example.com' });
		expect(first.followerCount).toBe(1);
		expect(first.following).toBe(true);
		expect(first.code).toMatch(CODE);
		expect(first.code).not.toBe(created.code);
		expect(JSON.stringify(first)).not.toContain(created.code);
		const again = await follow(pb, created.id, { clientId, email: 'lotte@example.com' });
		expect(again).toMatchObject({ followerCount: 1, code: first.code });
		// The follower's code opens the same public status.
		const view = await (await readByCode(url(), first.code)).json();
		expect(view).toMatchObject({ code: first.code, following: true, publicStatus: 'received' });
		const admin = await superuser();
		const followers = await admin
			.collection('melding_followers')
			.getFullList({ filter: `melding = '${created.id}'` });
		expect(followers.map((follower) => follower.email)).toEqual(['lotte@example.com']);
		expect(await countByClient(clientId)).toBe(0);
		// A code in the path is not an id: following needs the record id.
		await expect(follow(pb, created.code, { clientId: randomUUID() })).rejects.toMatchObject({
			status: 404
		});
	});

	it('refuses to follow a closed melding or with a bad email', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'graffiti'),
			location: freshSpot()
		});
		await expect(
			follow(pb, created.id, { clientId: randomUUID(), email: 'geen-adres' })
		).rejects.toMatchObject({
			status: 400,
			response: { data: { email: { code: 'email_invalid' } } }
		});
		await changeStatus(await staff('handler'), created.id, { status: 'not_ours' });
		await expect(follow(pb, created.id, { clientId: randomUUID() })).rejects.toMatchObject({
			status: 400,
			response: { data: { melding: { code: 'melding_closed' } } }
		});
	});

	it('marking a duplicate closes it and makes its reporter follow the original, with a code of their own', async () => {
		const pb = anonymous();
		const category = await categoryId(pb, 'sluikstort');
		const here = freshSpot();
		const original = await fileMelding(pb, { category, location: here });
		const duplicate = await fileMelding(pb, {
			category,
			location: north(here, 5),
			email: 'tweede@example.com'
		});
		const handler = await staff('handler');
		await expect(
			changeStatus(handler, duplicate.id, { status: 'duplicate', duplicateOf: 'ZZZZZZZZ' })
		).rejects.toMatchObject({ status: 400 });
		await expect(
			changeStatus(handler, duplicate.id, { status: 'duplicate', duplicateOf: duplicate.code })
		).rejects.toMatchObject({ status: 400 });
		await changeStatus(handler, duplicate.id, {
			status: 'duplicate',
			duplicateOf: original.code,
			publicNote: 'Dit werd al gemeld.'
		});
		const viewText = await (await readByCode(url(), duplicate.code)).text();
		const view = JSON.parse(viewText);
		expect(view.publicStatus).toBe('closed');
		expect(view.duplicateOf).toMatch(CODE);
		expect(viewText).not.toContain(original.code);
		const originalView = await (await readByCode(url(), original.code)).json();
		expect(originalView.followerCount).toBe(1);
		const followers = await (
			await superuser()
		)
			.collection('melding_followers')
			.getFullList({ filter: `melding = '${original.id}'` });
		expect(followers.map((follower) => [follower.email, follower.code])).toEqual([
			['tweede@example.com', view.duplicateOf]
		]);
		// The link on the duplicate's page opens the original's status as a follower.
		const followed = await (await readByCode(url(), view.duplicateOf)).json();
		expect(followed).toMatchObject({ following: true, code: view.duplicateOf });
	});
});

describe('reopen', () => {
	it('a resident reopens a fixed melding with a reason that stays internal', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'straatverlichting'),
			location: freshSpot()
		});
		const reopen = (reason: string) =>
			pb.send(`/api/stadsstem/meldingen/${created.code}/reopen`, {
				method: 'POST',
				body: { reason }
			});
		// While open there is nothing to reopen.
		await expect(reopen('Brandt nog steeds niet')).rejects.toMatchObject({ status: 400 });
		const handler = await staff('handler');
		await changeStatus(handler, created.id, { status: 'fixed', publicNote: 'Lamp vervangen.' });
		expect((await (await readByCode(url(), created.code)).json()).canReopen).toBe(true);
		await expect(reopen('   ')).rejects.toMatchObject({
			status: 400,
			response: { data: { reason: { code: 'reason_missing' } } }
		});
		const view = await reopen('De lamp brandt nog steeds niet, mijn buurman Jef zag het ook');
		expect(view).toMatchObject({ publicStatus: 'received', open: true, canReopen: false });
		expect(view.timeline.at(-1)).toMatchObject({ reopened: true, byResident: true });
		expect(JSON.stringify(view)).not.toContain('Jef');
		const record = await handler.collection('meldingen').getOne(created.id);
		expect(record).toMatchObject({ status: 'reopened', reopenCount: 1, closedAt: '' });
		const last = await handler
			.collection('melding_updates')
			.getFirstListItem(`melding = '${created.id}'`, { sort: '-created' });
		expect(last.internalNote).toContain('Jef');
		// Staff continue from reopened.
		await changeStatus(handler, created.id, { status: 'planned' });
	});

	it('a duplicate or "not ours" cannot be reopened by a resident', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'graffiti'),
			location: freshSpot()
		});
		await changeStatus(await staff('handler'), created.id, {
			status: 'not_ours',
			publicNote: 'Dit is privéterrein.'
		});
		await expect(
			pb.send(`/api/stadsstem/meldingen/${created.code}/reopen`, {
				method: 'POST',
				body: { reason: 'Toch wel' }
			})
		).rejects.toMatchObject({ status: 400 });
	});
});

describe('live updates', () => {
	it('a status page subscribed to the code hears the new public status', async () => {
		const pb = anonymous();
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'graffiti'),
			location: freshSpot()
		});
		const listener = new PocketBase(url());
		let resolveHeard: (data: { publicStatus: string; timeline: { note: string }[] }) => void;
		const heard = new Promise<{ publicStatus: string; timeline: { note: string }[] }>(
			(resolve) => (resolveHeard = resolve)
		);
		// subscribe() resolves once the server has registered the subscription.
		await listener.realtime.subscribe(`melding-status/${created.code}`, (data) =>
			resolveHeard(data as { publicStatus: string; timeline: { note: string }[] })
		);
		await changeStatus(await staff('handler'), created.id, {
			status: 'planned',
			publicNote: 'Het graffititeam komt dinsdag.'
		});
		const data = await heard;
		expect(data.publicStatus).toBe('in_progress');
		expect(data.timeline.at(-1)?.note).toBe('Het graffititeam komt dinsdag.');
		await listener.realtime.unsubscribe();
	});
});

describe('email updates (local SMTP sink)', () => {
	let sink: SmtpSink;
	let server: TestServer;

	beforeAll(async () => {
		sink = await startSmtpSink();
		server = await startTestServer({
			env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) }
		});
	});
	afterAll(async () => {
		await server?.stop();
		await sink?.stop();
	});

	it('the reporter and an email follower hear when it is fixed; a follower without email does not', async () => {
		const pb = new PocketBase(server.url);
		pb.autoCancellation(false);
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'straatverlichting'),
			location: DEURNE,
			email: 'reporter@example.com'
		});
		const received = await sink.waitFor((mail) => mail.to.includes('reporter@example.com'));
		expect(received.text).toContain(created.code);

		const lotte = await follow(pb, created.id, {
			clientId: randomUUID(),
			email: 'lotte@example.com',
			language: 'fr'
		});
		await follow(pb, created.id, { clientId: randomUUID() });
		const handler = new PocketBase(server.url);
		await handler.collection('users').authWithPassword('els@stadsstem.local', server.staffPassword);
		const result = await changeStatus(handler, created.id, {
			status: 'fixed',
			publicNote: 'De lamp is vervangen.'
		});
		expect(result.mailed).toBe(2);
		// Lotte followed in French: her mail is in French, with her own code, never the reporter's.
		const toLotte = await sink.waitFor(
			(mail) => mail.to.includes('lotte@example.com') && mail.text.includes('vervangen')
		);
		expect(toLotte.subject).toBe(`Votre signalement ${lotte.code} : résolu`);
		expect(toLotte.text).toContain(`/melding/${lotte.code}`);
		expect(toLotte.text).toContain('lang="fr"');
		expect(toLotte.raw).not.toContain(created.code);
		const toReporter = await sink.waitFor(
			(mail) => mail.to.includes('reporter@example.com') && mail.text.includes('opgelost')
		);
		expect(toReporter.subject).toBe(`Je melding ${created.code}: opgelost`);
		const recipients = sink.messages.flatMap((mail) => mail.to);
		expect(recipients.filter((address) => !address.endsWith('@example.com'))).toEqual([]);
	});

	it('mails in the language the resident filed in, Dutch for a language we do not write', async () => {
		const pb = new PocketBase(server.url);
		pb.autoCancellation(false);
		const category = await categoryId(pb, 'graffiti');
		const english = await fileMelding(pb, {
			category,
			location: north(DEURNE, 400),
			email: 'english@example.com',
			language: 'en'
		});
		const arabic = await fileMelding(pb, {
			category,
			location: north(DEURNE, 420),
			email: 'arabic@example.com',
			language: 'ar'
		});
		const german = await fileMelding(pb, {
			category,
			location: north(DEURNE, 440),
			email: 'german@example.com',
			language: 'de'
		});
		const toEnglish = await sink.waitFor((mail) => mail.to.includes('english@example.com'));
		expect(toEnglish.subject).toBe(`Your report ${english.code} has been received`);
		const toArabic = await sink.waitFor((mail) => mail.to.includes('arabic@example.com'));
		expect(toArabic.subject).toBe(`تم استلام بلاغك ${arabic.code}`);
		expect(toArabic.text).toContain('dir="rtl"');
		const toGerman = await sink.waitFor((mail) => mail.to.includes('german@example.com'));
		expect(toGerman.subject).toBe(`Je melding ${german.code} is ontvangen`);

		const handler = new PocketBase(server.url);
		await handler.collection('users').authWithPassword('els@stadsstem.local', server.staffPassword);
		await changeStatus(handler, english.id, { status: 'planned', publicNote: 'Next week.' });
		const update = await sink.waitFor(
			(mail) => mail.to.includes('english@example.com') && mail.text.includes('Next week.')
		);
		expect(update.subject).toBe(`Your report ${english.code}: in progress`);
		expect(update.text).toContain('Message from the city: Next week.');
	});

	it('nobody gets email when no address was given', async () => {
		const before = sink.messages.length;
		const pb = new PocketBase(server.url);
		const created = await fileMelding(pb, {
			category: await categoryId(pb, 'sluikstort'),
			location: north(DEURNE, 200)
		});
		const handler = new PocketBase(server.url);
		await handler.collection('users').authWithPassword('els@stadsstem.local', server.staffPassword);
		const result = await changeStatus(handler, created.id, { status: 'fixed' });
		expect(result.mailed).toBe(0);
		expect(sink.messages.length).toBe(before);
	});
});
