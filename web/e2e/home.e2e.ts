import { expect, test } from '@playwright/test';
import PocketBase from 'pocketbase';

test('Tom opens the site on his phone and sees the open surveys from the database', async ({
	page,
	baseURL
}) => {
	const pb = new PocketBase(baseURL);
	const open = await pb.collection('surveys').getFullList({ filter: "status = 'open'" });
	expect(open.length).toBeGreaterThan(0);

	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geef je mening');
	const list = page.getByTestId('open-surveys');
	await expect(list.getByRole('heading', { level: 3 })).toHaveCount(open.length);
	for (const survey of open) {
		await expect(list.getByRole('link', { name: survey.title.nl })).toBeVisible();
	}
});

test('the skip link is the first stop for keyboard users and moves focus to the content', async ({
	page
}) => {
	await page.goto('/');
	// The app renders in the browser: wait for it before the first key press.
	await page.getByRole('heading', { level: 1 }).waitFor();
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Ga naar de inhoud' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});

test('Fatima switches to Arabic: the page turns right-to-left and remembers it', async ({
	page
}) => {
	await page.goto('/');
	await page.getByLabel('Taal').selectOption('ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('أبدِ رأيك');
});

test('the kiosk build is served at /kiosk/ with its own app', async ({ page }) => {
	const response = await page.goto('/kiosk/');
	expect(response?.status()).toBe(200);
	await page.getByRole('heading', { level: 1 }).waitFor();
	// Every script and style the kiosk loads comes from the kiosk build, never the citizen one.
	const assets = await page
		.locator('link[rel="modulepreload"], link[rel="stylesheet"], script[src]')
		.evaluateAll((elements) =>
			elements.map(
				(element) =>
					new URL(element.getAttribute('href') ?? element.getAttribute('src') ?? '', location.href)
						.pathname
			)
		);
	expect(assets.length).toBeGreaterThan(0);
	expect(assets.filter((href) => !href?.startsWith('/kiosk/'))).toEqual([]);
});
