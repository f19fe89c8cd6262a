// Kiosks (issue 6): the helper PIN unlocks a short assisted session, wrong PINs
// lock the kiosk, and submissions carry channel/kiosk/assisted only when the
// server verified the kiosk's token (and session) itself.
import { randomUUID } from 'node:crypto';
import type PocketBase from 'pocketbase';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { registerKiosk, type RegisteredKiosk } from '../../cli/kiosk/kiosk.ts';
import { anonymous, superuser } from './clients.ts';
import { categoryId, fileMelding, freshSpot } from './melding-helpers.ts';

let admin: PocketBase;
let surveyId: string;

const answers = {
	webpunt: 'permeke',
	hulp_bij: ['inloggen'],
	tevreden: 5,
	gelukt: true,
	volgende_keer_alleen: true
};

async function newKiosk(): Promise<RegisteredKiosk> {
	return registerKiosk(admin, `test-${randomUUID().slice(0, 8)}`, 'Bibliotheek Permeke');
}

function unlock(token: string, pin: unknown): Promise<Response> {
	return fetch(`${inject('pbUrl')}/api/stadsstem/kiosk/unlock`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'X-Stadsstem-Kiosk': token },
		body: JSON.stringify({ pin })
	});
}

/** A client whose requests carry the kiosk headers, as the kiosk build's do. */
function kioskClient(headers: Record<string, string>): PocketBase {
	const pb = anonymous();
	pb.beforeSend = (url, options) => {
		options.headers = { ...(options.headers as Record<string, string>), ...headers };
		return { url, options };
	};
	return pb;
}

function respond(pb: PocketBase, extra: Record<string, unknown> = {}) {
	return pb.collection('responses').create({
		survey: surveyId,
		answers,
		channel: 'web',
		language: 'nl',
		clientId: randomUUID(),
		...extra
	});
}

beforeAll(async () => {
	admin = await superuser();
	surveyId = (await admin.collection('surveys').getFirstListItem("slug = 'tevredenheid-webpunt'"))
		.id;
});

describe('kiosk register', () => {
	it('stores only hashes of the token and the PIN', async () => {
		const kiosk = await newKiosk();
		expect(kiosk.pin).toMatch(/^\d{6}$/);
		const record = await admin.collection('kiosks').getOne(kiosk.id);
		const stored = JSON.stringify(record);
		expect(stored).not.toContain(kiosk.token);
		expect(stored).not.toContain(kiosk.pin);
		expect(record.pinHash).toMatch(/^[0-9a-f]{32}\$[0-9a-f]{64}$/);
	});

	it('is not readable by anyone but an admin', async () => {
		const kiosk = await newKiosk();
		await expect(anonymous().collection('kiosks').getOne(kiosk.id)).rejects.toMatchObject({
			status: 404
		});
	});
});

describe('helper PIN', () => {
	it('refuses an unknown kiosk token', async () => {
		const answer = await unlock('kt_not-a-registered-kiosk-token', '123456');
		expect(answer.status).toBe(401);
	});

	it('a right PIN gives a short-lived assisted session', async () => {
		const kiosk = await newKiosk();
		const answer = await unlock(kiosk.token, kiosk.pin);
		expect(answer.status).toBe(200);
		const body = (await answer.json()) as { session: string; expires: string };
		expect(body.session).toMatch(/^\w{40}$/);
		const minutes = (Date.parse(body.expires) - Date.now()) / 60_000;
		expect(minutes).toBeGreaterThan(1);
		expect(minutes).toBeLessThanOrEqual(60);
	});

	it('a wrong PIN says how many tries are left, and five lock the kiosk even for the right PIN', async () => {
		const kiosk = await newKiosk();
		const wrong = kiosk.pin === '000000' ? '111111' : '000000';
		for (let attempt = 1; attempt <= 4; attempt++) {
			const answer = await unlock(kiosk.token, wrong);
			expect(answer.status).toBe(403);
			expect(await answer.json()).toMatchObject({ code: 'wrong_pin', attemptsLeft: 5 - attempt });
		}
		const fifth = await unlock(kiosk.token, wrong);
		expect(fifth.status).toBe(423);
		expect(await fifth.json()).toMatchObject({ code: 'locked' });
		const right = await unlock(kiosk.token, kiosk.pin);
		expect(right.status).toBe(423);
		const record = await admin.collection('kiosks').getOne(kiosk.id);
		expect(Date.parse(record.lockedUntil.replace(' ', 'T'))).toBeGreaterThan(Date.now());
	});

	it('a right PIN resets the count of wrong ones', async () => {
		const kiosk = await newKiosk();
		const wrong = kiosk.pin === '000000' ? '111111' : '000000';
		for (let attempt = 0; attempt < 4; attempt++) await unlock(kiosk.token, wrong);
		expect((await unlock(kiosk.token, kiosk.pin)).status).toBe(200);
		const answer = await unlock(kiosk.token, wrong);
		expect(await answer.json()).toMatchObject({ attemptsLeft: 4 });
	});
});

describe('submissions from a kiosk', () => {
	it('carry channel kiosk and the kiosk, not assisted, with a valid token', async () => {
		const kiosk = await newKiosk();
		const created = await respond(kioskClient({ 'X-Stadsstem-Kiosk': kiosk.token }), {
			assisted: true
		});
		const stored = await admin.collection('responses').getOne(created.id);
		expect(stored).toMatchObject({ channel: 'kiosk', kiosk: kiosk.id, assisted: false });
	});

	it('carry assisted only with the session that the PIN unlocked', async () => {
		const kiosk = await newKiosk();
		const { session } = (await (await unlock(kiosk.token, kiosk.pin)).json()) as {
			session: string;
		};
		const pb = kioskClient({ 'X-Stadsstem-Kiosk': kiosk.token, 'X-Stadsstem-Assisted': session });
		const response = await respond(pb);
		expect(await admin.collection('responses').getOne(response.id)).toMatchObject({
			channel: 'kiosk',
			kiosk: kiosk.id,
			assisted: true
		});
		const melding = await fileMelding(pb, {
			category: await categoryId(admin, 'straatverlichting'),
			location: freshSpot()
		});
		expect(await admin.collection('meldingen').getOne(melding.id)).toMatchObject({
			channel: 'kiosk',
			kiosk: kiosk.id,
			assisted: true
		});
	});

	it('lose assisted once the helper locks the kiosk again', async () => {
		const kiosk = await newKiosk();
		const { session } = (await (await unlock(kiosk.token, kiosk.pin)).json()) as {
			session: string;
		};
		const headers = { 'X-Stadsstem-Kiosk': kiosk.token, 'X-Stadsstem-Assisted': session };
		const ended = await fetch(`${inject('pbUrl')}/api/stadsstem/kiosk/lock`, {
			method: 'POST',
			headers
		});
		expect(ended.status).toBe(204);
		const created = await respond(kioskClient(headers));
		expect((await admin.collection('responses').getOne(created.id)).assisted).toBe(false);
	});

	it('a browser that only claims to be a kiosk is stamped as web', async () => {
		const other = await newKiosk();
		const created = await respond(anonymous(), {
			channel: 'kiosk',
			kiosk: other.id,
			assisted: true
		});
		expect(await admin.collection('responses').getOne(created.id)).toMatchObject({
			channel: 'web',
			kiosk: '',
			assisted: false
		});
		const forged = await respond(
			kioskClient({ 'X-Stadsstem-Kiosk': 'kt_forged-token-000000000000' }),
			{
				channel: 'kiosk'
			}
		);
		expect((await admin.collection('responses').getOne(forged.id)).channel).toBe('web');
	});
});

describe('kiosk hello', () => {
	it('tells a registered kiosk its name and settings, and refuses others', async () => {
		const kiosk = await newKiosk();
		const ok = await fetch(`${inject('pbUrl')}/api/stadsstem/kiosk/hello`, {
			headers: { 'X-Stadsstem-Kiosk': kiosk.token }
		});
		expect(ok.status).toBe(200);
		expect(await ok.json()).toMatchObject({ name: kiosk.name, location: 'Bibliotheek Permeke' });
		const refused = await fetch(`${inject('pbUrl')}/api/stadsstem/kiosk/hello`);
		expect(refused.status).toBe(401);
	});
});
