// Pieter (editor) reads a survey's results, exports them as CSV for the
// council, publishes a checked free-text answer and closes the survey.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';

async function logIn(page: Page, email: string) {
	await page.goto('/medewerkers/aanmelden');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(process.env.STADSSTEM_E2E_STAFF_PASSWORD ?? '');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Overzicht voor medewerkers' })
	).toBeVisible();
}

test('Pieter exports the results as CSV, publishes a checked answer and closes the survey', async ({
	page,
	baseURL
}) => {
	// A copy of the crossroads survey with two answers of its own.
	const admin = new PocketBase(baseURL);
	const { email, password } = JSON.parse(process.env.STADSSTEM_E2E_SUPERUSER ?? '{}');
	await admin.collection('_superusers').authWithPassword(email, password);
	const original = await admin
		.collection('surveys')
		.getFirstListItem("slug = 'kruispunt-rondpunt-of-verkeerslichten'");
	const {
		id: _id,
		created: _c,
		updated: _u,
		collectionId: _ci,
		collectionName: _cn,
		...fields
	} = original;
	const slug = `pieter-${Date.now()}`;
	const survey = await admin.collection('surveys').create({ ...fields, slug });
	const resident = new PocketBase(baseURL);
	const base = { woont_in_buurt: true, vervoer: ['fiets'], veilig_nu: 2 };
	for (const [voorkeur, opmerking] of [
		['rondpunt', 'Graag een veilige fietsoversteek'],
		['verkeerslichten', '=HYPERLINK("http://example.invalid")']
	]) {
		await resident.collection('responses').create({
			survey: survey.id,
			clientId: crypto.randomUUID(),
			channel: 'web',
			language: 'nl',
			answers: { ...base, voorkeur, opmerking }
		});
	}

	await logIn(page, 'pieter@stadsstem.local');
	await page.getByRole('link', { name: 'Bevragingen' }).click();
	await page.getByRole('link', { name: original.title.nl }).first().waitFor();
	await page.goto(`/medewerkers/bevragingen/${slug}`);
	await expect(page.getByText('2 antwoorden')).toBeVisible();
	await expectNoAxeViolations(page, 'staff survey page');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download de antwoorden (CSV)' }).click();
	const csv = readFileSync((await (await download).path())!, 'utf8');
	const lines = csv
		.replace(/^\ufeff/, '')
		.trimEnd()
		.split('\r\n');
	expect(lines).toHaveLength(3);
	expect(lines[0]).toContain('voorkeur');
	expect(lines[1]).toContain('rondpunt');
	// A formula in an answer is neutralised for spreadsheets.
	expect(lines[2]).toContain(`"'=HYPERLINK(""http://example.invalid"")"`);

	// Nothing free-text is public until Pieter approves it.
	const publicResults = () =>
		resident.send(`/api/stadsstem/surveys/${slug}/results`, {}) as Promise<{
			texts: Record<string, string[]>;
		}>;
	expect((await publicResults()).texts.opmerking).toEqual([]);
	const item = page.getByRole('listitem').filter({ hasText: 'Graag een veilige fietsoversteek' });
	await item.getByRole('button', { name: 'Goedkeuren' }).click();
	await expect(item.getByText('Goedgekeurd: staat bij de resultaten')).toBeVisible();
	expect((await publicResults()).texts.opmerking).toEqual(['Graag een veilige fietsoversteek']);

	await page.getByRole('button', { name: 'Sluit de bevraging' }).click();
	await expect(page.getByText('Stand: Gesloten')).toBeVisible();
	await page.goto(`/bevraging/${slug}`);
	await expect(
		page.getByText('Deze bevraging is gesloten. Je kunt niet meer antwoorden.')
	).toBeVisible();
	await page.goto(`/bevraging/${slug}/resultaten`);
	await expect(page.getByText('Graag een veilige fietsoversteek')).toBeVisible();
});

test('Els (handler) reads results but cannot close a survey or moderate', async ({ page }) => {
	await logIn(page, 'els@stadsstem.local');
	await page.goto('/medewerkers/bevragingen/tevredenheid-webpunt');
	await expect(page.getByRole('button', { name: 'Download de antwoorden (CSV)' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sluit de bevraging' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Goedkeuren' })).toHaveCount(0);
});
