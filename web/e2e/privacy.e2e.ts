// The privacy page and "Mijn gegevens" (issue 11): a resident reads what is
// kept and for how long, downloads what the platform holds about the meldingen
// on this device and deletes their email.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import PocketBase from 'pocketbase';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';

async function admin(baseURL: string): Promise<PocketBase> {
	const pb = new PocketBase(baseURL);
	const { email, password } = JSON.parse(process.env.STADSSTEM_E2E_SUPERUSER ?? '{}');
	await pb.collection('_superusers').authWithPassword(email, password);
	return pb;
}

test('the privacy page lists every kind of data, why and how long, and is reachable from the footer', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy: wat we bewaren');
	const table = page.getByRole('table', { name: 'Wat we bewaren' });
	await expect(table.getByRole('row')).toHaveCount(9);
	// The server's configured period (web/e2e/global-setup.ts), not a fixed text.
	await expect(table.getByTestId('privacy-row-journeys')).toContainText('150 dagen');
	await expect(table.getByTestId('privacy-row-meldingen')).toContainText('90 dagen');
	await expectNoAxeViolations(page, 'privacy page');
});

test('Fatima downloads her data and deletes her email with the code on her phone', async ({
	page,
	baseURL
}) => {
	const pb = await admin(baseURL!);
	const category = await pb.collection('categories').getFirstListItem("code = 'zwerfvuil'");
	const melding = await new PocketBase(baseURL).collection('meldingen').create({
		category: category.id,
		location: { lat: 51.218, lon: 4.465 },
		description: 'Mijn gegevens test',
		email: 'fatima@example.org',
		channel: 'web',
		clientId: randomUUID()
	});
	await page.goto('/');
	await page.evaluate((code) => {
		localStorage.setItem(
			'stadsstem.meldingen',
			JSON.stringify([
				{ code, category: 'zwerfvuil', followed: false, savedAt: new Date().toISOString() }
			])
		);
	}, melding.code);

	await page.getByRole('contentinfo').getByRole('link', { name: 'Mijn gegevens' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn gegevens');
	await expect(page.getByTestId('my-meldingen')).toContainText(melding.code);
	await expectNoAxeViolations(page, 'my data');

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download mijn gegevens' }).click()
	]);
	const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
	expect(exported.meldingen[0]).toMatchObject({
		code: melding.code,
		description: 'Mijn gegevens test',
		email: 'f•••@example.org'
	});

	await page.getByRole('button', { name: `Wis mijn e-mailadres bij ${melding.code}` }).click();
	// The page's own live region (the layout has another one, for the offline outbox).
	await expect(
		page.getByRole('status').filter({ hasText: `Je e-mailadres bij ${melding.code} is gewist.` })
	).toBeVisible();
	expect((await pb.collection('meldingen').getOne(melding.id)).email).toBe('');
	await page.screenshot({ path: '/tmp/pw-trust/mijn-gegevens.png', fullPage: true });
});

test("Karim, who follows a neighbour's melding, deletes his own email and sees nothing of the neighbour's", async ({
	page,
	baseURL
}) => {
	const pb = await admin(baseURL!);
	const category = await pb.collection('categories').getFirstListItem("code = 'zwerfvuil'");
	const resident = new PocketBase(baseURL);
	const melding = await resident.collection('meldingen').create({
		category: category.id,
		location: { lat: 51.2185, lon: 4.4655 },
		description: 'Zak vuilnis van de buren',
		email: 'buur@example.org',
		channel: 'web',
		clientId: randomUUID()
	});
	const followed = await resident.send(`/api/stadsstem/meldingen/${melding.id}/follow`, {
		method: 'POST',
		body: { clientId: randomUUID(), email: 'karim@example.org', language: 'nl' }
	});
	await page.goto('/');
	await page.evaluate((code) => {
		localStorage.setItem(
			'stadsstem.meldingen',
			JSON.stringify([
				{ code, category: 'zwerfvuil', followed: true, savedAt: new Date().toISOString() }
			])
		);
	}, followed.code);

	await page.goto('/mijn-gegevens');
	await expect(page.getByTestId('my-meldingen')).toContainText('Je volgt deze melding.');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download mijn gegevens' }).click()
	]);
	const text = readFileSync((await download.path())!, 'utf8');
	expect(JSON.parse(text).meldingen[0]).toMatchObject({
		code: followed.code,
		following: true,
		email: 'k•••@example.org'
	});
	expect(text).not.toContain(melding.code);
	expect(text).not.toContain('Zak vuilnis');

	await page.getByRole('button', { name: `Wis mijn e-mailadres bij ${followed.code}` }).click();
	// The page's own live region (the layout has another one, for the offline outbox).
	await expect(
		page.getByRole('status').filter({ hasText: `Je e-mailadres bij ${followed.code} is gewist.` })
	).toBeVisible();
	await expectNoAxeViolations(page, 'my data, following');
	const follower = await pb
		.collection('melding_followers')
		.getFirstListItem(`code = '${followed.code}'`);
	expect(follower.email).toBe('');
	expect((await pb.collection('meldingen').getOne(melding.id)).email).toBe('buur@example.org');
});
