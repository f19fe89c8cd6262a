// Ahmed (19) uses the kiosk alone and tries to get out of it: an external
// link, a new window, a download, a swipe back, an address typed by script.
// He gets a QR code for the link and stays inside the kiosk.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import { heading, newKiosk, openKiosk, SHOTS } from './kiosk-helpers.ts';

test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: true });

test('Ahmed tries an external link, a new window, a download and Back: he gets a QR code and stays in the kiosk', async ({
	page,
	context,
	baseURL
}) => {
	const kiosk = await newKiosk(baseURL!);
	await openKiosk(page, kiosk);
	await page.getByTestId('tile-decisions').click();
	await heading(page, /Beslissingen/);
	const inside = page.url();

	// A link to a site outside the kiosk, as a decision's text may contain one.
	await page.evaluate(() => {
		const link = document.createElement('a');
		link.href = 'https://www.antwerpen.be/nl/overzicht/webpunten';
		link.textContent = 'Meer over webpunten';
		link.dataset.testid = 'external-link';
		document.querySelector('main')!.append(link);
	});
	await page.getByTestId('external-link').click();
	const qrDialog = page.getByRole('dialog', { name: 'Deze pagina opent niet op de kiosk' });
	await expect(qrDialog).toBeVisible();
	await expect(
		qrDialog.getByRole('img', {
			name: 'QR-code van https://www.antwerpen.be/nl/overzicht/webpunten'
		})
	).toBeVisible();
	await expect(qrDialog.locator('svg')).toBeVisible();
	expect(page.url()).toBe(inside);
	await expectNoAxeViolations(page, 'external link as a QR code');
	await page.screenshot({ path: `${SHOTS}/ahmed-1-qr.png` });
	await qrDialog.getByRole('button', { name: 'Sluiten' }).click();
	await expect(qrDialog).toBeHidden();

	// A link that opens a new window, or a script that tries: nothing opens.
	// (Listening only now: axe opens a blank page of its own for its checks.)
	const popups: string[] = [];
	context.on('page', (opened) => popups.push(opened.url()));
	expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
	expect(popups).toHaveLength(0);

	// A download link: refused, and he is told so.
	await page.evaluate(() => {
		const link = document.createElement('a');
		link.href = '/kiosk/favicon.svg';
		link.download = 'logo.svg';
		link.textContent = 'Download het logo';
		document.querySelector('main')!.append(link);
	});
	let downloaded = false;
	page.on('download', () => (downloaded = true));
	await page.getByRole('link', { name: 'Download het logo' }).click();
	await expect(page.getByText('Downloaden kan niet op de kiosk.')).toBeVisible();
	expect(downloaded).toBe(false);

	// Leaving the app by script: the unload is cancelled and he stays.
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.type());
		void dialog.dismiss();
	});
	await page.evaluate(() => {
		location.href = 'https://example.org/';
	});
	await expect.poll(() => dialogs).toContain('beforeunload');
	expect(page.url()).toBe(inside);
	await heading(page, /Beslissingen/);

	// Swipe back (the browser's Back): there is no earlier page to go to.
	expect(await page.evaluate(() => history.length)).toBe(1);
	await page.goBack();
	expect(page.url()).toBe(inside);
	await heading(page, /Beslissingen/);
});

test('read-aloud reads the screen in Dutch, or says clearly that this device has no Dutch voice', async ({
	page
}) => {
	await openKiosk(page, null);
	const hasVoice = await page.evaluate(
		async () =>
			new Promise<boolean>((done) => {
				const check = () =>
					done(speechSynthesis.getVoices().some((voice) => voice.lang.startsWith('nl')));
				if (speechSynthesis.getVoices().length) check();
				else setTimeout(check, 1600);
			})
	);
	await page.getByTestId('kiosk-read-aloud').click();
	if (hasVoice) {
		await expect(page.getByTestId('kiosk-read-aloud')).toHaveAttribute('aria-pressed', 'true');
	} else {
		await expect(page.getByTestId('kiosk-no-voice')).toHaveText(
			'Voorlezen lukt niet op dit toestel: er is geen stem voor deze taal. Vraag hulp aan een begeleider.'
		);
		await expectNoAxeViolations(page, 'read-aloud fallback');
	}
});
