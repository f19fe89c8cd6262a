// Meldingen (issue 4) in the browser: the personas' walks of PERSONAS.md,
// against the real build and a real, seeded PocketBase, with axe on every
// step and state.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import { startTestServer, type TestServer } from '../../pocketbase/test-server.ts';
import { startSmtpSink, type SmtpSink } from '../../pocketbase/tests/smtp-sink.ts';
import {
	asEls,
	asSuperuser,
	CAMERA_MARKER,
	cameraPhoto,
	jpegSize,
	seedMelding,
	SHOTS,
	staffLogin
} from './meldingen-helpers.ts';

async function next(page: Page) {
	await page.getByRole('button', { name: 'Verder' }).click();
}

async function heading(page: Page, name: string) {
	await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
}

/** The staff page's saved message (the layout has another live region, for the offline outbox). */
function saved(page: Page) {
	return page.getByRole('status').filter({ hasText: 'Opgeslagen' });
}

test('Fatima files a melding about a dumped mattress with a photo, gives no email and keeps the code on her phone', async ({
	page,
	baseURL
}, testInfo) => {
	const touch = testInfo.project.name === 'phone';
	await page.goto('/');
	await page.getByRole('link', { name: 'Meld een probleem' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Wat wil je melden?' })).toBeVisible();
	await page.getByRole('radio', { name: /Sluikstort/ }).waitFor();
	await expectNoAxeViolations(page, 'what');
	await page.screenshot({ path: `${SHOTS}/1-what.png`, fullPage: true });

	await page.getByText('Sluikstort', { exact: true }).click();
	await next(page);
	await heading(page, 'Nog een paar vragen');
	await page.getByText('Groot afval (bv. matras of meubel)').click();
	await expectNoAxeViolations(page, 'questions');
	await next(page);

	await heading(page, 'Waar is het probleem?');
	const map = page.getByTestId('map');
	if (touch) await map.tap();
	else await map.click();
	await expect(page.locator('#map-chosen')).toContainText('Je koos een plek in');
	await expectNoAxeViolations(page, 'where with a pin');
	await page.screenshot({ path: `${SHOTS}/2-where.png`, fullPage: true });
	await next(page);

	await heading(page, 'Beschrijf het probleem');
	await page.getByLabel('Wat is er aan de hand?').fill('Een oude matras naast de glasbak.');
	await page.getByLabel(/Foto’s/).setInputFiles({
		name: 'matras.jpg',
		mimeType: 'image/jpeg',
		buffer: await cameraPhoto(page)
	});
	// Shrinking and re-encoding runs on the phone's CPU: on a busy test machine it
	// can take longer than an assertion's usual wait (the page says it is busy meanwhile).
	await expect(page.getByRole('img', { name: 'Foto 1 van de melding' })).toBeVisible({
		timeout: 60_000
	});
	await expectNoAxeViolations(page, 'details with a photo');
	await page.screenshot({ path: `${SHOTS}/3-details.png`, fullPage: true });
	await next(page);

	await heading(page, 'Wil je updates per e-mail?');
	await expectNoAxeViolations(page, 'contact');
	await next(page);

	await heading(page, 'Controleer je melding');
	await expect(page.getByText('Geen e-mail')).toBeVisible();
	await expectNoAxeViolations(page, 'review');
	await page.getByRole('button', { name: 'Verstuur melding' }).click();

	await heading(page, 'Je melding is verstuurd');
	const code = (await page.getByTestId('melding-code').getAttribute('data-code')) ?? '';
	expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
	await expect(
		page.getByRole('img', { name: `QR-code met de link naar melding ${code}` })
	).toBeVisible();
	await expectNoAxeViolations(page, 'done');
	await page.screenshot({ path: `${SHOTS}/4-done.png`, fullPage: true });

	// What the server stored: her answers, no email, one shrunk photo without camera data.
	const admin = await asSuperuser(baseURL!);
	const stored = await admin.collection('meldingen').getFirstListItem(`code = '${code}'`);
	expect(stored).toMatchObject({ email: '', status: 'new', extra: { size: 'large' } });
	expect(stored.district).not.toBe('');
	expect(stored.photos).toHaveLength(1);
	const token = await admin.files.getToken();
	const photo = Buffer.from(
		await (await fetch(admin.files.getURL(stored, stored.photos[0], { token }))).arrayBuffer()
	);
	expect(photo.includes(Buffer.from(CAMERA_MARKER))).toBe(false);
	expect(photo.includes(Buffer.from('Exif'))).toBe(false);
	const size = jpegSize(photo);
	expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(1600);

	// The phone remembers the code.
	await page.goto('/melding');
	await expect(page.getByTestId('device-codes').getByRole('link', { name: code })).toBeVisible();
	await expectNoAxeViolations(page, 'lookup with saved codes');
	await page.getByTestId('device-codes').getByRole('link', { name: code }).click();
	await expect(page.getByTestId('public-status')).toHaveAttribute('data-status', 'received');
	await expectNoAxeViolations(page, 'status page');
	await page.screenshot({ path: `${SHOTS}/5-status.png`, fullPage: true });
});

test('Jan files a melding with the keyboard only; every error is announced and fixable', async ({
	page,
	baseURL
}) => {
	await page.goto('/melden');
	await page.getByRole('radio').first().waitFor();
	// Continue without a choice: the error summary takes focus and links to the field.
	await page.getByRole('button', { name: 'Verder' }).focus();
	await page.keyboard.press('Enter');
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Kies wat je wilt melden.');
	await expectNoAxeViolations(page, 'what with an error');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.locator('#category')).toBeFocused();

	await page.getByLabel('Zoek een onderwerp').focus();
	await page.keyboard.type('straatverl');
	await page.getByRole('radio', { name: /Straatverlichting/ }).focus();
	await page.keyboard.press('Space');
	await expect(page.getByRole('radio', { name: /Straatverlichting/ })).toBeChecked();
	await page.getByRole('button', { name: 'Verder' }).focus();
	await page.keyboard.press('Enter');
	await heading(page, 'Nog een paar vragen');
	await page.getByRole('radio', { name: 'Ze brandt niet' }).focus();
	await page.keyboard.press('Space');
	await page.getByRole('button', { name: 'Verder' }).focus();
	await page.keyboard.press('Enter');

	await heading(page, 'Waar is het probleem?');
	await page.getByRole('button', { name: 'Verder' }).focus();
	await page.keyboard.press('Enter');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Kies een plek op de kaart');
	await expectNoAxeViolations(page, 'where with an error');
	await page.screenshot({ path: `${SHOTS}/6-where-error.png`, fullPage: true });
	await page.getByTestId('map').focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('+');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowDown');
	await expect(page.locator('#map-chosen')).toContainText('Je koos een plek in');
	await page.getByRole('button', { name: 'Verder' }).focus();
	await page.keyboard.press('Enter');

	await heading(page, 'Beschrijf het probleem');
	await page.getByLabel('Wat is er aan de hand?').focus();
	await page.keyboard.insertText('De lamp brandt niet. '.repeat(110));
	await page.getByRole('button', { name: 'Verder' }).focus();
	await page.keyboard.press('Enter');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Je beschrijving is te lang');
	await expectNoAxeViolations(page, 'details with an error');
	await page.getByLabel('Wat is er aan de hand?').fill('');
	await page.getByLabel('Wat is er aan de hand?').focus();
	await page.keyboard.insertText('De lamp aan de bushalte brandt niet.');
	await page.getByRole('button', { name: 'Verder' }).focus();
	await page.keyboard.press('Enter');

	await heading(page, 'Wil je updates per e-mail?');
	await page.getByLabel('Je e-mailadres').focus();
	await page.keyboard.type('jan@');
	await page.keyboard.press('Enter');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Typ een e-mailadres');
	await expect(page.getByLabel('Je e-mailadres')).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page, 'contact with an error');
	await page.getByLabel('Je e-mailadres').focus();
	await page.keyboard.type('example.com');
	await page.keyboard.press('Enter');

	await heading(page, 'Controleer je melding');
	await page.getByRole('button', { name: 'Verstuur melding' }).focus();
	await page.keyboard.press('Enter');
	await heading(page, 'Je melding is verstuurd');
	const code = (await page.getByTestId('melding-code').getAttribute('data-code')) ?? '';
	const stored = await (
		await asSuperuser(baseURL!)
	)
		.collection('meldingen')
		.getFirstListItem(`code = '${code}'`);
	expect(stored).toMatchObject({
		email: 'jan@example.com',
		description: 'De lamp aan de bushalte brandt niet.',
		extra: { problem: 'off' }
	});
	// Jan follows his melding with the keyboard: the link opens the status page.
	await page.getByRole('link', { name: 'Bekijk je melding' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('public-status')).toHaveAttribute('data-status', 'received');
});

test('bad input: wrong file type, a 30 MB photo, a place outside the city and a 10,000-character description give clear errors and store nothing', async ({
	page,
	context,
	baseURL
}) => {
	const admin = await asSuperuser(baseURL!);
	await page.goto('/melden');
	await page.getByText('Graffiti', { exact: true }).click();
	await next(page);
	await heading(page, 'Nog een paar vragen');
	await next(page);
	await heading(page, 'Waar is het probleem?');

	// Brussels is not Antwerp.
	await context.grantPermissions(['geolocation']);
	await context.setGeolocation({ latitude: 50.8467, longitude: 4.3525 });
	await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
	await expect(page.locator('#map-chosen')).toContainText('Je koos een plek');
	await next(page);
	await expect(page.locator('.error-summary')).toContainText('Deze plek ligt buiten Antwerpen');
	await expectNoAxeViolations(page, 'outside the city');
	await page.getByRole('button', { name: 'Plek wissen' }).click();
	await page.getByLabel(/Adres of plaatsbeschrijving/).fill('Lakborslei 20, Deurne');
	await next(page);

	await heading(page, 'Beschrijf het probleem');
	const photos = page.getByLabel(/Foto’s/);
	await photos.setInputFiles({
		name: 'brief.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4')
	});
	await expect(page.locator('.error-summary')).toContainText('brief.pdf is geen foto');
	await expectNoAxeViolations(page, 'wrong file type');
	const huge = Buffer.alloc(30 * 1024 * 1024);
	(await cameraPhoto(page)).copy(huge);
	await photos.setInputFiles({ name: 'groot.jpg', mimeType: 'image/jpeg', buffer: huge });
	await expect(page.locator('.error-summary')).toContainText('groot.jpg is groter dan 20 MB');
	await expect(page.getByRole('img', { name: /Foto 1/ })).toHaveCount(0);
	await page.screenshot({ path: `${SHOTS}/7-photo-error.png`, fullPage: true });

	await page.getByLabel('Wat is er aan de hand?').fill('x'.repeat(10_000));
	await next(page);
	await expect(page.locator('.error-summary')).toContainText('Je beschrijving is te lang');
	await expect(page.getByText('8000 tekens te veel')).toBeVisible();
	await expectNoAxeViolations(page, 'description too long');
	// Other tests file meldingen at the same time: look for this walk's own, by its text.
	const stored = await admin
		.collection('meldingen')
		.getList(1, 1, { filter: `description ~ '${'x'.repeat(50)}'` });
	expect(stored.totalItems).toBe(0);
});

test.describe('with email (a server with a local SMTP sink)', () => {
	let sink: SmtpSink;
	let server: TestServer;
	test.beforeAll(async () => {
		sink = await startSmtpSink();
		server = await startTestServer({
			env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) }
		});
	});
	test.afterAll(async () => {
		await server?.stop();
		await sink?.stop();
	});

	test('Lotte follows the open melding about the same street light 20 m away, gets the email when it is fixed, and reopens it', async ({
		page,
		context
	}) => {
		const light = { lat: 51.2105, lon: 4.4705 };
		const existing = await seedMelding(server.url, {
			category: 'straatverlichting',
			location: light,
			description: 'Lamp uit'
		});
		await context.grantPermissions(['geolocation']);
		await context.setGeolocation({ latitude: light.lat + 20 / 111_320, longitude: light.lon });

		await page.goto(`${server.url}/melden`);
		await page.getByText('Straatverlichting', { exact: true }).click();
		await next(page);
		await heading(page, 'Nog een paar vragen');
		await next(page);
		await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
		await expect(page.locator('#map-chosen')).toContainText('Je koos een plek in Deurne');
		await next(page);

		await heading(page, 'Is dit hetzelfde probleem?');
		const nearby = page.getByTestId('nearby');
		await expect(nearby.getByRole('listitem')).toHaveCount(1);
		await expect(nearby).toContainText('20 meter van jouw plek');
		await expectNoAxeViolations(page, 'nearby');
		await page.screenshot({ path: `${SHOTS}/8-nearby.png`, fullPage: true });
		await page.getByRole('button', { name: /Ja, volg deze melding/ }).click();

		await heading(page, 'Volg deze melding');
		await page.getByLabel('Je e-mailadres').fill('lotte@example.com');
		await page.getByRole('button', { name: 'Volg deze melding' }).click();
		await heading(page, 'Je volgt deze melding');
		// Lotte gets a code of her own: the reporter's code is the reporter's proof, never shown to her.
		const lotteCode = await page.getByTestId('melding-code').getAttribute('data-code');
		expect(lotteCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
		expect(lotteCode).not.toBe(existing.code);
		await expect(page.locator('body')).not.toContainText(existing.code);
		await expectNoAxeViolations(page, 'followed');

		// No second melding: the existing one has a follower.
		const admin = new (await import('pocketbase')).default(server.url);
		await admin
			.collection('_superusers')
			.authWithPassword(server.superuser.email, server.superuser.password);
		expect(
			(
				await admin
					.collection('meldingen')
					.getList(1, 1, { filter: "category.code = 'straatverlichting'" })
			).totalItems
		).toBe(1);

		await page.getByRole('link', { name: 'Bekijk je melding' }).click();
		await expect(page.getByTestId('public-status')).toHaveAttribute('data-status', 'received');
		await expect(page.getByTestId('following')).toHaveText(
			'Je volgt deze melding. Deze code is van jou alleen.'
		);

		// Els fixes it; Lotte's open page updates live and her email arrives.
		const els = await asEls(server.url, server.staffPassword);
		await els.send(`/api/stadsstem/staff/meldingen/${existing.id}/status`, {
			method: 'POST',
			body: { status: 'fixed', publicNote: 'Fluvius heeft de lamp vervangen.' }
		});
		await expect(page.getByTestId('public-status')).toHaveAttribute('data-status', 'done');
		await expect(page.getByTestId('timeline')).toContainText('Fluvius heeft de lamp vervangen.');
		await expect(page.getByTestId('live-announcement')).toContainText('opgelost');
		const mail = await sink.waitFor(
			(message) => message.to.includes('lotte@example.com') && message.text.includes('opgelost')
		);
		expect(mail.text).toContain(`/melding/${lotteCode}`);
		expect(mail.raw).not.toContain(existing.code);
		await expectNoAxeViolations(page, 'status done');

		// It is not fixed: she reopens it with a reason.
		await page.getByRole('button', { name: 'Open opnieuw' }).click();
		await expect(page.getByLabel('Wat is er niet opgelost?')).toBeFocused();
		await page.getByRole('button', { name: 'Open de melding opnieuw' }).click();
		await expect(page.locator('.error-summary')).toContainText('Schrijf waarom');
		await expectNoAxeViolations(page, 'reopen with an error');
		await page.getByLabel('Wat is er niet opgelost?').fill('De lamp brandt nog steeds niet.');
		await page.getByRole('button', { name: 'Open de melding opnieuw' }).click();
		await expect(page.getByTestId('public-status')).toHaveAttribute('data-status', 'received');
		await expect(page.getByTestId('timeline')).toContainText('Opnieuw geopend door een inwoner');
		await page.screenshot({ path: `${SHOTS}/9-reopened.png`, fullPage: true });
		const record = await admin.collection('meldingen').getOne(existing.id);
		expect(record.status).toBe('reopened');
	});
});

test('Els works the queue of new meldingen in Deurne: merges a duplicate, plans with a template, closes one as not ours; the open status page updates live', async ({
	page,
	browser,
	baseURL
}) => {
	const spot = { lat: 51.2015, lon: 4.4805 };
	const original = await seedMelding(baseURL!, { category: 'sluikstort', location: spot });
	const duplicate = await seedMelding(baseURL!, {
		category: 'sluikstort',
		location: { lat: spot.lat + 0.0001, lon: spot.lon },
		email: 'buur@example.com'
	});
	const pothole = await seedMelding(baseURL!, {
		category: 'wegdek-voetpad',
		location: { lat: 51.225, lon: 4.47 }
	});
	const privateLight = await seedMelding(baseURL!, {
		category: 'straatverlichting',
		location: { lat: 51.23, lon: 4.485 }
	});

	// A resident keeps the pothole's status page open.
	const residentContext = await browser.newContext();
	const resident = await residentContext.newPage();
	await resident.goto(`${baseURL}/melding/${pothole.code}`);
	await expect(resident.getByTestId('public-status')).toHaveAttribute('data-status', 'received');

	await staffLogin(page);
	await page.getByRole('link', { name: 'Meldingen behandelen' }).click();
	await expect(page.getByLabel('District')).toHaveValue('deurne');
	const queue = page.getByTestId('queue');
	for (const melding of [original, duplicate, pothole, privateLight]) {
		await expect(queue.getByRole('link', { name: new RegExp(melding.code) })).toBeVisible();
	}
	await expectNoAxeViolations(page, 'queue');
	await page.screenshot({ path: `${SHOTS}/10-queue.png`, fullPage: true });

	// Merge the duplicate.
	await queue.getByRole('link', { name: new RegExp(duplicate.code) }).click();
	await expect(page.getByTestId('reporter-email')).toHaveText('buur@example.com');
	await page.getByText('Dubbele melding', { exact: true }).click();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.locator('.error-summary')).toContainText('Typ de code van de eerste melding');
	await expectNoAxeViolations(page, 'duplicate without code');
	await page.getByLabel('Code van de eerste melding').fill(original.code);
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(saved(page)).toContainText('Opgeslagen: Dubbele melding');
	await expect(page.getByTestId('internal-status')).toContainText('Dubbele melding');
	await expectNoAxeViolations(page, 'detail after merge');
	await page.screenshot({ path: `${SHOTS}/11-detail.png`, fullPage: true });

	// Plan the pothole repair with the category's template.
	await page.getByRole('link', { name: 'Terug naar de meldingen' }).click();
	await page
		.getByTestId('queue')
		.getByRole('link', { name: new RegExp(pothole.code) })
		.click();
	await page.getByText('Ingepland', { exact: true }).click();
	await page.getByRole('button', { name: 'Gebruik de standaardtekst' }).click();
	await expect(page.getByLabel(/Bericht voor inwoners/)).toHaveValue(
		'We herstellen dit bij de volgende ronde in je wijk.'
	);
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(saved(page)).toContainText('Opgeslagen: Ingepland');
	await expect(resident.getByTestId('public-status')).toHaveAttribute('data-status', 'in_progress');
	await expect(resident.getByTestId('timeline')).toContainText(
		'We herstellen dit bij de volgende ronde in je wijk.'
	);
	await expectNoAxeViolations(resident, 'status page after a live update');

	// Close the private light as not ours, with an explanation.
	await page.getByRole('link', { name: 'Terug naar de meldingen' }).click();
	await page
		.getByTestId('queue')
		.getByRole('link', { name: new RegExp(privateLight.code) })
		.click();
	await page.getByText('Niet voor de stad', { exact: true }).click();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.locator('.error-summary')).toContainText('Leg inwoners uit');
	await page.getByRole('button', { name: 'Gebruik de standaardtekst' }).click();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(saved(page)).toContainText('Opgeslagen: Niet voor de stad');

	const view = await (
		await fetch(`${baseURL}/api/stadsstem/meldingen/${privateLight.code}`)
	).json();
	expect(view).toMatchObject({ publicStatus: 'closed' });
	expect(view.timeline.at(-1).note).toContain('privé-eigenaar');
	const merged = await (await fetch(`${baseURL}/api/stadsstem/meldingen/${duplicate.code}`)).json();
	// The duplicate's reporter now follows the original with a code of their own, never the original's.
	expect(merged.duplicateOf).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
	expect(merged.duplicateOf).not.toBe(original.code);
	const followed = await (
		await fetch(`${baseURL}/api/stadsstem/meldingen/${merged.duplicateOf}`)
	).json();
	expect(followed).toMatchObject({ following: true, category: { code: 'sluikstort' } });
	await residentContext.close();
});
