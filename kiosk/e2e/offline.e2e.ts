// The connection drops at the webpunt: the kiosk keeps nothing of the resident
// to send later (a shared device has no outbox). The resident sees that the
// connection is gone and is asked to get a helper; when it is back, sending
// works once.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import {
	answerCrossroadsSurvey,
	asSuperuser,
	heading,
	newKiosk,
	openCrossroadsSurvey,
	openKiosk,
	SHOTS
} from './kiosk-helpers.ts';

test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: true });

/** What the page could have kept to send later: web storage and IndexedDB. */
async function keptOnDevice(page: Page) {
	return page.evaluate(async () => ({
		localStorage: Object.keys(localStorage),
		indexedDb: (await indexedDB.databases()).map((db) => db.name)
	}));
}

test('offline, the survey and the melding say so and ask for a helper, and keep nothing to send later', async ({
	page,
	context,
	baseURL
}) => {
	test.setTimeout(150_000);
	const kiosk = await newKiosk(baseURL!);
	const marker = `offline-${Date.now()}`;
	const admin = await asSuperuser(baseURL!);
	await openKiosk(page, kiosk);

	await openCrossroadsSurvey(page);
	await answerCrossroadsSurvey(page, marker);
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
	await expect(
		page.getByText('Er is geen verbinding. Je antwoorden zijn niet verstuurd.')
	).toContainText('Vraag hulp aan een medewerker.');
	await heading(page, 'Controleer je antwoorden');
	await expectNoAxeViolations(page, 'survey offline at the kiosk');
	await page.screenshot({ path: `${SHOTS}/offline-survey.png` });
	const kept = await keptOnDevice(page);
	expect(kept.indexedDb).not.toContain('stadsstem-outbox');
	expect(kept.localStorage.filter((key) => /outbox|draft|survey/i.test(key))).toEqual([]);

	// Back online: one tap sends it, once.
	await context.setOffline(false);
	await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/Bedankt|Dank/);
	const responses = await admin
		.collection('responses')
		.getFullList({ filter: admin.filter('answers ~ {:marker}', { marker }) });
	expect(responses).toHaveLength(1);

	// A melding offline: the same message, nothing queued.
	await page.getByRole('link', { name: 'Stadsstem' }).first().click();
	await page.getByTestId('tile-report').click();
	await heading(page, 'Wat wil je melden?');
	await page.getByText('Sluikstort', { exact: true }).click();
	await page.getByRole('button', { name: 'Verder' }).click();
	if (await page.getByRole('heading', { level: 1, name: 'Nog een paar vragen' }).isVisible()) {
		await page.getByRole('radio').first().check();
		await page.getByRole('button', { name: 'Verder' }).click();
	}
	await heading(page, 'Waar is het probleem?');
	await page.getByLabel(/Adres of plaatsbeschrijving/).fill('Lakborslei 20, Deurne');
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: /Beschrijf het probleem|Is dit hetzelfde/ })
	).toBeVisible();
	if (await page.getByRole('heading', { level: 1, name: 'Is dit hetzelfde probleem?' }).isVisible())
		await page.getByRole('button', { name: 'Nee, ik meld een nieuw probleem' }).click();
	await page.getByLabel('Wat is er aan de hand?').fill(`Een matras op de stoep ${marker}`);
	await page.getByRole('button', { name: 'Verder' }).click();
	await heading(page, 'Wil je updates per e-mail?');
	await page.getByRole('button', { name: 'Verder' }).click();
	await heading(page, 'Controleer je melding');
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Verstuur melding' }).click();
	await expect(page.getByText(/Er is nu geen internet\./).first()).toBeVisible();
	await expect(page.getByText(/We bewaren het niet op dit toestel/).first()).toBeVisible();
	await heading(page, 'Controleer je melding');
	await expectNoAxeViolations(page, 'melding offline at the kiosk');
	expect((await keptOnDevice(page)).indexedDb).not.toContain('stadsstem-outbox');
	await context.setOffline(false);
	expect(
		await admin
			.collection('meldingen')
			.getFullList({ filter: admin.filter('description ~ {:marker}', { marker }) })
	).toHaveLength(0);
});
