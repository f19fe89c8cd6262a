// axe over every page that exists, in the states that matter. The route list
// grows with the app; issue 9 turns it into one discovered from web/routes.
import { test } from '@playwright/test';
import { expectNoAxeViolations as expectNoViolations } from './axe.ts';

const pages = [
	{ name: 'home with open surveys', path: '/', ready: 'open-surveys' },
	{ name: 'page not found', path: '/bestaat-niet', ready: null }
];

for (const { name, path, ready } of pages) {
	test(`axe: ${name}`, async ({ page }) => {
		await page.goto(path);
		if (ready) await page.getByTestId(ready).waitFor();
		else await page.getByRole('heading', { level: 1 }).waitFor();
		await expectNoViolations(page);
	});
}

test('axe: home in Arabic (right to left)', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Taal').selectOption('ar');
	await page.getByTestId('open-surveys').waitFor();
	await expectNoViolations(page);
});

test('axe: staff login, empty and with errors, then the staff overview', async ({ page }) => {
	await page.goto('/medewerkers/aanmelden');
	await page.getByRole('heading', { level: 1 }).waitFor();
	await expectNoViolations(page);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await page.locator('.error-summary').waitFor();
	await expectNoViolations(page);
	await page.getByLabel('E-mailadres').fill('pieter@stadsstem.local');
	await page.getByLabel('Wachtwoord').fill(process.env.STADSSTEM_E2E_STAFF_PASSWORD ?? '');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await page.getByRole('heading', { level: 1, name: 'Overzicht voor medewerkers' }).waitFor();
	await expectNoViolations(page);
	await page.goto('/medewerkers/bevragingen');
	await page.getByRole('table').waitFor();
	await expectNoViolations(page);
});
