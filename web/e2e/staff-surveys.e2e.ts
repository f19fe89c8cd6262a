// Pieter (editor) reads a survey's results, exports them as CSV for the
// council, publishes a checked free-text answer, closes the survey and opens
// it again; a change the server refuses or never receives is said plainly.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import { copyOfSurvey } from './survey-helpers.ts';

async function logIn(page: Page, email: string) {
	await page.goto('/medewerkers/aanmelden');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(process.env.STADSSTEM_E2E_STAFF_PASSWORD ?? '');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Overzicht voor medewerkers' })
	).toBeVisible();
}

/** An open copy of the crossroads survey with a title of its own, so its row is easy to find. */
async function copyOfCrossroads(baseURL: string | undefined) {
	const title = `Kruispunt (${crypto.randomUUID().slice(0, 8)})`;
	const { pb, survey, slug } = await copyOfSurvey(
		baseURL!,
		{ status: 'open', title: { nl: title } },
		'kruispunt-rondpunt-of-verkeerslichten'
	);
	return { admin: pb, id: survey.id, slug, title };
}

const crossroadsAnswers = { woont_in_buurt: true, vervoer: ['fiets'], voorkeur: 'rondpunt' };

/** A response as the web app sends it; `record` sets other fields (channel, assisted). */
function answer(
	client: PocketBase,
	surveyId: string,
	answers: Record<string, unknown> = {},
	record: Record<string, unknown> = {}
) {
	return client.collection('responses').create({
		survey: surveyId,
		clientId: crypto.randomUUID(),
		channel: 'web',
		language: 'nl',
		answers: { ...crossroadsAnswers, veilig_nu: 2, ...answers },
		...record
	});
}

/** The row of a survey in the staff list: [status, responses, closes]. */
const listRow = (page: Page, title: string) =>
	page.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });

test('Pieter exports the results as CSV, publishes a checked answer, closes the survey and opens it again', async ({
	page,
	baseURL
}) => {
	// A copy of the crossroads survey with two answers of its own.
	const { id, slug, title } = await copyOfCrossroads(baseURL);
	const resident = new PocketBase(baseURL);
	await answer(resident, id, {
		voorkeur: 'rondpunt',
		opmerking: 'Graag een veilige fietsoversteek'
	});
	await answer(resident, id, {
		voorkeur: 'verkeerslichten',
		opmerking: '=HYPERLINK("http://example.invalid")'
	});

	await logIn(page, 'pieter@stadsstem.local');
	await page.getByRole('link', { name: 'Bevragingen' }).click();
	// The list says per survey whether it is open and how many answered.
	await expect(listRow(page, title).getByRole('cell')).toHaveText(['Open', '2', /.*/]);
	await listRow(page, title).getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('Stand: Open · 2 antwoorden')).toBeVisible();
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
	await expect(page.getByRole('alert')).toHaveCount(0);
	await page.goto('/medewerkers/bevragingen');
	await expect(listRow(page, title).getByRole('cell')).toHaveText(['Gesloten', '2', /.*/]);
	await page.goto(`/bevraging/${slug}`);
	await expect(
		page.getByText('Deze bevraging is gesloten. Je kunt niet meer antwoorden.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Start de bevraging' })).toHaveCount(0);
	await expect(answer(resident, id)).rejects.toMatchObject({ status: 400 });
	await page.goto(`/bevraging/${slug}/resultaten`);
	await expect(page.getByText('Graag een veilige fietsoversteek')).toBeVisible();

	// Opened again: residents can answer once more, and the new answer counts.
	await page.goto(`/medewerkers/bevragingen/${slug}`);
	await page.getByRole('button', { name: 'Open de bevraging' }).click();
	await expect(page.getByText('Stand: Open · 2 antwoorden')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sluit de bevraging' })).toBeVisible();
	await page.goto(`/bevraging/${slug}`);
	await expect(page.getByRole('button', { name: 'Start de bevraging' })).toBeVisible();
	await expect(page.getByText('Deze bevraging is gesloten.')).toHaveCount(0);
	await answer(resident, id);
	await page.goto('/medewerkers/bevragingen');
	await expect(listRow(page, title).getByRole('cell')).toHaveText(['Open', '3', /.*/]);
});

test('Pieter sees per channel and per day how many answered, to spot someone answering many times', async ({
	page,
	baseURL
}) => {
	const { admin, id, slug } = await copyOfCrossroads(baseURL);
	const resident = new PocketBase(baseURL);
	await logIn(page, 'pieter@stadsstem.local');
	await page.goto(`/medewerkers/bevragingen/${slug}`);
	// One answer reads in the singular.
	await answer(resident, id);
	await page.reload();
	await expect(page.getByText('Stand: Open · 1 antwoord', { exact: true })).toBeVisible();

	// Two more from the web, one from the app; three at a kiosk, one of them with a helper
	// (the kiosk's own token proves that in real use; here the test sets it as an administrator).
	await answer(resident, id);
	await answer(admin, id, {}, { channel: 'app' });
	for (const assisted of [true, false, false])
		await answer(admin, id, {}, { channel: 'kiosk', assisted });
	await page.reload();
	await expect(page.getByText('Stand: Open · 6 antwoorden')).toBeVisible();

	const channels = page.getByRole('table', { name: 'Antwoorden per kanaal' });
	await expect(channels.getByRole('columnheader')).toHaveText([
		'Kanaal',
		'Antwoorden',
		'Met hulp van een medewerker'
	]);
	await expect(channels.getByRole('row')).toHaveText([
		/Kanaal/,
		/^\s*Website\s*2\s*0\s*$/,
		/^\s*App\s*1\s*0\s*$/,
		/^\s*Webpunt \(kiosk\)\s*3\s*1\s*$/
	]);
	const days = page.getByRole('table', { name: 'Antwoorden per dag' });
	await expect(days.getByRole('columnheader')).toHaveText([
		'Dag',
		'Website',
		'App',
		'Webpunt (kiosk)',
		'Samen'
	]);
	// Everything arrived today: one row, in the staff member's own calendar.
	const today = new Intl.DateTimeFormat('nl-BE', {
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(new Date());
	await expect(days.getByRole('row').nth(1).getByRole('rowheader')).toHaveText(today);
	await expect(days.getByRole('row').nth(1).getByRole('cell')).toHaveText(['2', '1', '3', '6']);
	await expect(days.getByRole('row')).toHaveCount(2);
	await expectNoAxeViolations(page, 'staff survey page with channel counts');

	// In Arabic the count takes the form for 3 to 10 ("few"), not the singular of "other".
	await page.evaluate(() => localStorage.setItem('stadsstem.language', 'ar'));
	await page.reload();
	await expect(page.getByText('الحالة: مفتوح · 6 إجابات', { exact: true })).toBeVisible();
});

test('a change that does not reach the server, or that the server refuses, is said plainly and changes nothing on screen', async ({
	page,
	baseURL
}) => {
	const { admin, id, slug } = await copyOfCrossroads(baseURL);
	await answer(new PocketBase(baseURL), id, { opmerking: 'Meer bomen op het plein' });
	// An editor of their own, so the test can take the role away without touching the demo staff.
	const email = `editor-${Date.now()}@stadsstem.test`;
	const editor = await admin.collection('users').create({
		email,
		name: 'Tijdelijke redacteur',
		role: 'editor',
		districts: [],
		password: process.env.STADSSTEM_E2E_STAFF_PASSWORD,
		passwordConfirm: process.env.STADSSTEM_E2E_STAFF_PASSWORD,
		verified: true
	});
	await logIn(page, email);
	await page.goto(`/medewerkers/bevragingen/${slug}`);
	await expect(page.getByText('Stand: Open · 1 antwoord', { exact: true })).toBeVisible();

	// The connection drops just as she closes the survey.
	await page.route(`**/api/collections/surveys/records/${id}`, (route) =>
		route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.fallback()
	);
	await page.getByRole('button', { name: 'Sluit de bevraging' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Dat lukte niet: er is geen verbinding met de server. Er is niets veranderd. Probeer het later opnieuw.'
	);
	await expect(page.getByText('Stand: Open · 1 antwoord', { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sluit de bevraging' })).toBeVisible();
	expect((await admin.collection('surveys').getOne(id)).status).toBe('open');
	await expectNoAxeViolations(page, 'staff survey page with an error');

	// Back online it works, and the old message goes.
	await page.unrouteAll();
	await page.getByRole('button', { name: 'Sluit de bevraging' }).click();
	await expect(page.getByText('Stand: Gesloten')).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);

	// Her role is taken away while the page is open: the server refuses, the page says so.
	await admin.collection('users').update(editor.id, { role: 'handler' });
	await page.getByRole('button', { name: 'Open de bevraging' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Dat lukte niet: je account mag dit niet doen. Er is niets veranderd. Vraag hulp aan een beheerder.'
	);
	await expect(page.getByText('Stand: Gesloten')).toBeVisible();
	expect((await admin.collection('surveys').getOne(id)).status).toBe('closed');

	const item = page.getByRole('listitem').filter({ hasText: 'Meer bomen op het plein' });
	await item.getByRole('button', { name: 'Goedkeuren' }).click();
	await expect(item.getByRole('alert')).toHaveText(
		'Dat lukte niet: je account mag dit niet doen. Er is niets veranderd. Vraag hulp aan een beheerder.'
	);
	await expect(item.getByText('Nog niet nagekeken')).toBeVisible();
	const stored = await admin.collection('responses').getFirstListItem(`survey = '${id}'`);
	expect(stored.moderation ?? {}).toEqual({});
	await admin.collection('users').delete(editor.id);
});

test('Els (handler) reads results but cannot close a survey or moderate', async ({ page }) => {
	await logIn(page, 'els@stadsstem.local');
	await page.goto('/medewerkers/bevragingen/tevredenheid-webpunt');
	await expect(page.getByRole('button', { name: 'Download de antwoorden (CSV)' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sluit de bevraging' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Goedkeuren' })).toHaveCount(0);
});
