// Keyboard-only walks of the main flows (issue 9): no mouse, no touch. At every
// Tab the focused element shows a strong indicator and no bar covers it; after
// each step and each error, focus lands where the next action starts.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF } from '../cli/seed/seed.ts';
import { newKiosk, openKiosk } from '../kiosk/e2e/kiosk-helpers.ts';
import { seedMelding } from '../web/e2e/meldingen-helpers.ts';
import { expectVisibleFocus, tab, tabThrough, tabTo } from './keyboard.ts';

const BASE_URL = `http://127.0.0.1:${process.env.STADSSTEM_E2E_PORT}`;

// Desktop-sized: a keyboard user is on a computer; the phone project still runs it.
test.use({ viewport: { width: 1280, height: 720 }, isMobile: false, hasTouch: false });

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** After a page change the next Tab reaches the skip link first: the user starts at the top. */
async function expectStartAtTop(page: Page) {
	await tab(page, 'first stop after a page change');
	await expect(page.locator('.skip-link')).toBeFocused();
}

test('the skip link is the first stop, shows itself and moves focus into the main content', async ({
	page
}) => {
	await page.goto('/');
	await page.getByTestId('open-surveys').waitFor();
	await tab(page, 'skip link');
	const skip = page.getByRole('link', { name: 'Ga naar de inhoud' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
	// The next Tab goes into the content, past the header and its language picker.
	await page.keyboard.press('Tab');
	expect(
		await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))
	).toBe(true);
	await expectVisibleFocus(page, 'first stop in main');
	expect(await tabThrough(page, 'home')).toBeGreaterThan(3);
});

test('survey by keyboard: focus on each question, on the error summary, then on the field', async ({
	page
}) => {
	await page.goto('/bevraging/tevredenheid-webpunt');
	await h1(page, 'Hoe was je bezoek aan het webpunt?').waitFor();
	await tabTo(page, page.getByRole('button', { name: 'Start de bevraging' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
	// Continue without an answer: the error summary takes focus, its link leads to the field.
	await tabTo(page, page.getByRole('button', { name: 'Volgende' }));
	await page.keyboard.press('Enter');
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expectVisibleFocus(page, 'error summary');
	await tab(page, 'link in the error summary');
	await page.keyboard.press('Enter');
	await expectVisibleFocus(page, 'field after the summary link');
	await expect(page.getByRole('radio').first()).toBeFocused();
	await page.keyboard.press('Space');
	await expect(page.getByRole('radio').first()).toBeChecked();
	await tabTo(page, page.getByRole('button', { name: 'Volgende' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
	await expect(page.getByText('Stap 2 van 6')).toBeVisible();
	// Back keeps the answer and brings focus to the question again.
	await tabTo(page, page.getByRole('button', { name: 'Vorige' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
	await expect(page.getByRole('radio').first()).toBeChecked();
});

test('melding by keyboard: the error summary, the field, the next step’s heading', async ({
	page
}) => {
	await page.goto('/melden');
	await page.getByRole('radio').first().waitFor();
	await tabTo(page, page.getByRole('button', { name: 'Verder' }), 120);
	await page.keyboard.press('Enter');
	await expect(page.locator('.error-summary')).toBeFocused();
	await expectVisibleFocus(page, 'error summary');
	await tab(page, 'link in the error summary');
	await page.keyboard.press('Enter');
	await expectVisibleFocus(page, 'category choice after the summary link');
	// Arrow keys choose within the group, as in every radio group.
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
	await tabTo(page, page.getByRole('button', { name: 'Verder' }), 120);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Wat wil je melden?');
	await expectVisibleFocus(page, 'heading of the next step');
});

test('following a melding by keyboard: a wrong code is explained, a right one opens its page', async ({
	page
}) => {
	const melding = await seedMelding(BASE_URL, {
		category: 'zwerfvuil',
		location: { lat: 51.2195, lon: 4.465 },
		description: 'Blikjes naast de bank (toetsenbordtest).'
	});
	await page.goto('/melding');
	await h1(page, /melding/i).waitFor();
	const field = page.getByLabel('Je code');
	await tabTo(page, field);
	await page.keyboard.type('ABC');
	await page.keyboard.press('Enter');
	await expect(page.locator('.error-summary')).toBeFocused();
	await tab(page, 'link in the error summary');
	await page.keyboard.press('Enter');
	await expect(field).toBeFocused();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type((melding.code as string).toLowerCase());
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('public-status')).toBeVisible();
	await expectStartAtTop(page);
	expect(await tabThrough(page, 'status page')).toBeGreaterThan(2);
});

test('decisions by keyboard: search, open a result, every stop visible', async ({ page }) => {
	await page.goto('/beslissingen');
	await page.getByTestId('decisions-list').waitFor();
	await tabTo(page, page.getByRole('searchbox', { name: 'Zoekwoorden' }));
	await page.keyboard.type('geveltuin');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('decisions-count')).toHaveText(/gevonden/);
	const first = page.getByTestId('decisions-list').getByRole('link').first();
	await tabTo(page, first);
	await page.keyboard.press('Enter');
	await page.getByTestId('decision-summary').waitFor();
	await expectStartAtTop(page);
	expect(await tabThrough(page, 'decision detail')).toBeGreaterThan(3);
});

test('staff status change by keyboard: sign in, the error, the choice, the saved message', async ({
	page
}) => {
	const melding = await seedMelding(BASE_URL, {
		category: 'zwerfvuil',
		location: { lat: 51.2196, lon: 4.4652 },
		description: 'Zakken naast de container (toetsenbordtest).'
	});
	const els = DEMO_STAFF.find((account) => account.role === 'handler')!;
	await page.goto('/medewerkers/aanmelden');
	await tabTo(page, page.getByLabel('E-mailadres'));
	await page.keyboard.type(els.email);
	await tab(page, 'password field');
	await page.keyboard.type(process.env.STADSSTEM_E2E_STAFF_PASSWORD ?? '');
	await page.keyboard.press('Enter');
	await h1(page, 'Overzicht voor medewerkers').waitFor();

	await page.goto(`/medewerkers/meldingen/${melding.id}`);
	await page.getByTestId('history').waitFor();
	const save = page.getByRole('button', { name: 'Opslaan' });
	await tabTo(page, save, 120);
	await page.keyboard.press('Enter');
	await expect(page.locator('.error-summary')).toBeFocused();
	await tab(page, 'link in the error summary');
	await page.keyboard.press('Enter');
	await expectVisibleFocus(page, 'status choice after the summary link');
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
	await tabTo(page, page.getByLabel('Bericht voor inwoners'));
	await page.keyboard.type('We kijken ernaar deze week.');
	await tabTo(page, save);
	await page.keyboard.press('Enter');
	// The saved message takes focus, so the handler hears what happened.
	const savedMessage = page.getByRole('status').filter({ hasText: /^Opgeslagen:/ });
	await expect(savedMessage).toBeFocused();
});

test('kiosk at 200 % text by keyboard: the fixed Stop button never covers the focused element', async ({
	page
}) => {
	const kiosk = await newKiosk(BASE_URL);
	await openKiosk(page, kiosk);
	await page.getByTestId('kiosk-text-200').click();
	await page.getByTestId('tile-report').click();
	await page.getByRole('radio').first().waitFor();
	await page.locator('body').focus();
	expect(await tabThrough(page, 'kiosk melding at 200 %', 120)).toBeGreaterThan(5);
});
