// Assisted mode beyond Marleen's walk: what Youssef sees when the kiosk is
// locked after too many wrong PINs, the resident's consent asked again for the
// next melding filed in place, tips that follow the screen, and leaving
// assisted mode.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import {
	asSuperuser,
	fileStreetLightMelding,
	giveConsent,
	heading,
	newKiosk,
	openKiosk,
	SHOTS
} from './kiosk-helpers.ts';

test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: true });

async function unlock(page: Page, pin: string) {
	await page.getByTestId('kiosk-assist-open').click();
	const dialog = page.getByRole('dialog', { name: 'Begeleide modus' });
	await dialog.getByLabel('Pincode').fill(pin);
	await dialog.getByRole('button', { name: 'Begeleide modus aanzetten' }).click();
	return dialog;
}

test('a locked kiosk says until when, and refuses even the right PIN', async ({
	page,
	baseURL
}) => {
	const kiosk = await newKiosk(baseURL!);
	// Five wrong PINs lock the kiosk (pocketbase/tests/kiosk.api.test.ts); here
	// the lock is set directly, so this walk spends no tries of the route's rate limit.
	const until = new Date(Date.now() + 15 * 60_000);
	const admin = await asSuperuser(baseURL!);
	await admin.collection('kiosks').update(kiosk.id, { lockedUntil: until.toISOString() });
	await openKiosk(page, kiosk);

	const dialog = await unlock(page, kiosk.pin);
	const time = new Intl.DateTimeFormat('nl', { timeStyle: 'short' }).format(until);
	await expect(dialog.getByRole('alert')).toHaveText(
		`Te veel foute pincodes. De begeleide modus is vergrendeld tot ${time}.`
	);
	await expect(dialog.getByLabel('Pincode')).toBeFocused();
	await expect(dialog.getByLabel('Pincode')).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page, 'PIN dialog, locked');
	await page.screenshot({ path: `${SHOTS}/assisted-locked.png` });
	await expect(page.getByTestId('kiosk-assisted-badge')).toHaveCount(0);
});

test('the helper asks consent for every form, tips follow the screen, and leaving ends it', async ({
	page,
	baseURL
}) => {
	test.setTimeout(150_000);
	const kiosk = await newKiosk(baseURL!);
	const marker = `consent-${Date.now()}`;
	await openKiosk(page, kiosk);
	const dialog = await unlock(page, kiosk.pin);
	await expect(dialog).toBeHidden();
	const hint = page.getByTestId('kiosk-helper-hint');
	await expect(hint).toHaveAttribute('data-hint', 'kiosk.hint.start');

	// Consent refused: back to the start, nothing filled in.
	await page.getByTestId('tile-report').click();
	const consent = page.getByRole('dialog', { name: 'Toestemming van de bewoner' });
	await expect(consent).toBeVisible();
	await consent.getByRole('button', { name: 'Nee, terug naar het begin' }).click();
	await expect(page.getByTestId('kiosk-start')).toBeVisible();

	// Consent given: the melding goes, stamped as assisted.
	const first = await fileStreetLightMelding(page, `${marker}-1`, { consent: true });
	await expect(hint).toHaveAttribute('data-hint', 'kiosk.hint.report');
	await expect(consent).toHaveCount(0);
	const admin = await asSuperuser(baseURL!);
	expect(await admin.collection('meldingen').getFirstListItem(`code = '${first}'`)).toMatchObject({
		assisted: true,
		kiosk: kiosk.id
	});

	// "Report another problem" on the same page: that consent is used up. The
	// first touch of the new form asks again, before anything is chosen.
	await page.getByRole('button', { name: 'Nog een probleem melden' }).click();
	await heading(page, 'Wat wil je melden?');
	const choice = page.getByRole('radio', { name: /Straatverlichting/ });
	await page.getByText('Straatverlichting', { exact: true }).click();
	await expect(consent).toBeVisible();
	await expect(choice).not.toBeChecked();
	await expectNoAxeViolations(page, 'consent asked again for the next melding');
	await giveConsent(page);
	await page.getByText('Straatverlichting', { exact: true }).click();
	await expect(choice).toBeChecked();
	await expect(consent).toHaveCount(0);

	// Tips for the other screens.
	await page.getByRole('link', { name: 'Stadsstem' }).first().click();
	await page.getByTestId('tile-follow').click();
	await expect(hint).toHaveText(/de code heeft 8 tekens/);
	await page.getByRole('textbox').first().fill(first);
	await page.getByRole('button', { name: 'Bekijk de melding' }).click();
	await heading(page, `Melding ${first}`);
	await expect(hint).toHaveAttribute('data-hint', 'kiosk.hint.status');
	await expectNoAxeViolations(page, 'melding status, assisted');
	await page.getByRole('link', { name: 'Stadsstem' }).first().click();
	await page.getByTestId('tile-decisions').click();
	await expect(hint).toHaveAttribute('data-hint', 'kiosk.hint.decisions');

	// Youssef leaves assisted mode: badge and tips go, the next melding is the resident's own.
	await page.getByRole('button', { name: 'Begeleide modus uitzetten' }).click();
	await expect(page.getByTestId('kiosk-assisted-badge')).toHaveCount(0);
	await expect(hint).toHaveCount(0);
	await expect
		.poll(async () => (await admin.collection('kiosks').getOne(kiosk.id)).assistedUntil)
		.toBe('');
	await page.getByRole('link', { name: 'Stadsstem' }).first().click();
	const own = await fileStreetLightMelding(page, `${marker}-2`);
	expect(await admin.collection('meldingen').getFirstListItem(`code = '${own}'`)).toMatchObject({
		assisted: false,
		kiosk: kiosk.id
	});
});
