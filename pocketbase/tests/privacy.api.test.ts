// "Mijn gegevens" (issue 11): export and email deletion by code, staff erase
// on request, and retention that forgets on schedule.
import { randomUUID } from 'node:crypto';
import type PocketBase from 'pocketbase';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, staff, superuser } from './clients.ts';
import { categoryId, freshSpot } from './melding-helpers.ts';

let su: PocketBase;
let category: string;

async function file(email: string) {
	const created = await anonymous().collection('meldingen').create({
		category,
		location: freshSpot(),
		description: 'Privacy test',
		email,
		channel: 'web',
		language: 'nl',
		clientId: randomUUID()
	});
	return su.collection('meldingen').getOne(created.id);
}

function post(path: string, body: unknown, token?: string) {
	return fetch(`${su.baseURL}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(token ? { Authorization: token } : {}) },
		body: JSON.stringify(body)
	});
}

beforeAll(async () => {
	su = await superuser();
	category = await categoryId(su, 'zwerfvuil');
});

describe('export by code', () => {
	it('returns what the platform holds about these meldingen, with the email masked', async () => {
		const melding = await file('fatima@example.org');
		const response = await post('/api/stadsstem/privacy/export', {
			codes: [melding.code.toLowerCase(), 'ABCDEFGH']
		});
		expect(response.status).toBe(200);
		const data = await response.json();
		expect(data.meldingen).toHaveLength(1);
		expect(data.meldingen[0]).toMatchObject({
			code: melding.code,
			description: 'Privacy test',
			email: 'f•••@example.org',
			channel: 'web'
		});
		expect(data.unknown).toEqual(['ABCDEFGH']);
		expect(data.retention.emailAfterClose).toBeGreaterThan(0);
		expect(JSON.stringify(data)).not.toContain('fatima@');
		expect(JSON.stringify(data)).not.toContain(melding.clientId);
	});

	it('refuses anything but a short list of codes', async () => {
		for (const body of [
			{},
			{ codes: 'ABCDEFGH' },
			{ codes: [] },
			{ codes: [1] },
			{ codes: ['../../x'] },
			{ codes: Array.from({ length: 51 }, () => 'ABCDEFGH') }
		]) {
			const response = await post('/api/stadsstem/privacy/export', body);
			expect(response.status).toBe(400);
			expect((await response.json()).message).toBeTruthy();
		}
	});
});

describe('delete my email', () => {
	it('deletes the reporter email of the melding with this code, and only that', async () => {
		const mine = await file('jan@example.org');
		const other = await file('jan@example.org');
		const response = await post('/api/stadsstem/privacy/forget-email', { code: mine.code });
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ code: mine.code, emailDeleted: true });
		expect((await su.collection('meldingen').getOne(mine.id)).email).toBe('');
		expect((await su.collection('meldingen').getOne(other.id)).email).toBe('jan@example.org');
		const again = await post('/api/stadsstem/privacy/forget-email', { code: mine.code });
		expect(await again.json()).toEqual({ code: mine.code, emailDeleted: false });
	});

	it('needs a code that exists', async () => {
		expect((await post('/api/stadsstem/privacy/forget-email', { code: 'ABCDEFGH' })).status).toBe(
			404
		);
		expect((await post('/api/stadsstem/privacy/forget-email', {})).status).toBe(400);
	});
});

describe("a follower's code", () => {
	it("exports and deletes only the follower's own data, never the reporter's", async () => {
		const melding = await file('reporter-privacy@example.org');
		const followed = await (
			await post(`/api/stadsstem/meldingen/${melding.id}/follow`, {
				clientId: randomUUID(),
				email: 'volger-privacy@example.org',
				language: 'en'
			})
		).json();
		const exported = await (
			await post('/api/stadsstem/privacy/export', { codes: [followed.code] })
		).json();
		expect(exported.meldingen).toEqual([
			expect.objectContaining({
				code: followed.code,
				following: true,
				email: 'v•••@example.org',
				language: 'en'
			})
		]);
		const text = JSON.stringify(exported);
		expect(text).not.toContain(melding.code);
		expect(text).not.toContain('Privacy test');
		expect(text).not.toContain('reporter-privacy');

		const forgot = await post('/api/stadsstem/privacy/forget-email', { code: followed.code });
		expect(await forgot.json()).toEqual({ code: followed.code, emailDeleted: true });
		const follower = await su
			.collection('melding_followers')
			.getFirstListItem(`code = '${followed.code}'`);
		expect(follower.email).toBe('');
		// The reporter's email stays: the follower's code proves nothing about it.
		expect((await su.collection('meldingen').getOne(melding.id)).email).toBe(
			'reporter-privacy@example.org'
		);
	});
});

describe('staff erase on request', () => {
	it('only admins erase; it removes the address from meldingen, follows and subscriptions', async () => {
		const email = `lotte-${randomUUID().slice(0, 8)}@example.org`;
		const reported = await file(email);
		const followed = await file('iemand@example.org');
		await post(`/api/stadsstem/meldingen/${followed.id}/follow`, {
			clientId: randomUUID(),
			email
		});
		await su.collection('decision_subscriptions').create({
			email,
			theme: 'mobiliteit',
			token: randomUUID().replace(/-/g, '')
		});

		for (const role of ['handler', 'editor'] as const) {
			const pb = await staff(role);
			expect(
				(await post('/api/stadsstem/privacy/erase', { email }, pb.authStore.token)).status
			).toBe(403);
		}
		expect((await post('/api/stadsstem/privacy/erase', { email })).status).toBe(403);
		expect((await su.collection('meldingen').getOne(reported.id)).email).toBe(email);

		const admin = await staff('admin');
		// A dry run counts what would go and changes nothing (the CLI shows it before asking).
		const preview = await post(
			'/api/stadsstem/privacy/erase',
			{ email, dryRun: true },
			admin.authStore.token
		);
		expect(await preview.json()).toEqual({ meldingen: 1, followers: 1, subscriptions: 1 });
		expect((await su.collection('meldingen').getOne(reported.id)).email).toBe(email);
		const response = await post(
			'/api/stadsstem/privacy/erase',
			{ email: email.toUpperCase() },
			admin.authStore.token
		);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ meldingen: 1, followers: 1, subscriptions: 1 });
		expect((await su.collection('meldingen').getOne(reported.id)).email).toBe('');
		for (const collection of ['melding_followers', 'decision_subscriptions']) {
			const left = await su
				.collection(collection)
				.getList(1, 1, { filter: su.filter('email = {:email}', { email }) });
			expect(left.totalItems).toBe(0);
		}
	});
});

describe('retention', () => {
	it('forgets emails and follows some time after a melding is closed, and keeps recent ones', async () => {
		const old = await file('oud@example.org');
		const recent = await file('recent@example.org');
		await post(`/api/stadsstem/meldingen/${old.id}/follow`, {
			clientId: randomUUID(),
			email: 'volger-oud@example.org'
		});
		const daysAgo = (days: number) =>
			new Date(Date.now() - days * 86_400_000).toISOString().replace('T', ' ');
		await su.collection('meldingen').update(old.id, { status: 'fixed', closedAt: daysAgo(120) });
		await su.collection('meldingen').update(recent.id, { status: 'fixed', closedAt: daysAgo(10) });

		const anonymousRun = await post('/api/stadsstem/privacy/retention', {});
		expect(anonymousRun.status).toBe(401);
		const result = await su.send('/api/stadsstem/privacy/retention', { method: 'POST' });
		expect(result.emails).toBeGreaterThanOrEqual(1);
		expect(result.followers).toBeGreaterThanOrEqual(1);
		expect((await su.collection('meldingen').getOne(old.id)).email).toBe('');
		expect((await su.collection('meldingen').getOne(recent.id)).email).toBe('recent@example.org');
		const followers = await su
			.collection('melding_followers')
			.getList(1, 1, { filter: su.filter('melding = {:id}', { id: old.id }) });
		expect(followers.totalItems).toBe(0);
	});
});
