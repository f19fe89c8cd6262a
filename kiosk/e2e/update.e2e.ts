// A new version of the kiosk app arrives while a resident fills in a form: the
// kiosk shows no update prompt and swaps nothing under the form; the waiting
// service worker takes over at the next reset, between two residents.
import { expect, test, type Page } from '@playwright/test';
import { serverWithNewerBuilds } from '../../web/e2e/newer-builds.ts';
import { heading } from './kiosk-helpers.ts';

test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: true });

const workers = (page: Page) =>
	page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		return {
			controlled: Boolean(navigator.serviceWorker.controller),
			waiting: Boolean(registration?.waiting)
		};
	});

test('a new version waits while a resident fills in a form, without a prompt, and takes over at Stop', async ({
	page,
	baseURL
}) => {
	const origin = await serverWithNewerBuilds(baseURL!, '/kiosk/service-worker.js');
	try {
		await page.goto(`${origin.url}/kiosk/`);
		await expect(page.getByTestId('kiosk-start')).toBeVisible();
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		// The kiosk's own reset is its only reload: from then on the worker controls it.
		await page.getByTestId('kiosk-stop').click();
		await expect(page.getByTestId('kiosk-start')).toBeVisible();
		await expect.poll(() => workers(page)).toEqual({ controlled: true, waiting: false });

		// A resident starts a melding.
		await page.getByTestId('tile-report').click();
		await heading(page, 'Wat wil je melden?');
		const choice = page.getByRole('radio', { name: /Straatverlichting/ });
		await page.getByText('Straatverlichting', { exact: true }).click();
		await expect(choice).toBeChecked();
		await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

		// A new build appears and installs in the background.
		origin.release();
		await page.evaluate(async () => {
			await (await navigator.serviceWorker.getRegistration())?.update();
		});
		await expect.poll(async () => (await workers(page)).waiting, { timeout: 30_000 }).toBe(true);
		// No prompt in the kiosk, and nothing reloaded under the form.
		await expect(page.getByRole('region', { name: /nieuwe versie/ })).toHaveCount(0);
		await expect(page.getByText(/nieuwe versie/i)).toHaveCount(0);
		expect(
			await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)
		).toBe(true);
		await expect(choice).toBeChecked();

		// Stop: between residents the new version takes over.
		await page.getByTestId('kiosk-stop').click();
		await expect(page.getByTestId('kiosk-start')).toBeVisible();
		await expect.poll(() => workers(page)).toEqual({ controlled: true, waiting: false });
		expect(
			await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)
		).toBeUndefined();
	} finally {
		await origin.close();
	}
});
