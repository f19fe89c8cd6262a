// Languages (issue 9): the browser's language first, the resident's choice
// remembered on the next visit, Dutch content with a notice where a text has no
// translation, and a read-aloud button on every page with a clear fallback.
import { expect, test } from '@playwright/test';

test.use({ locale: 'fr-BE' });

test('a French browser gets French; a chosen language is remembered; untranslated content says so', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Donnez votre avis');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

	await page.getByLabel('Langue').selectOption('ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('أبدِ رأيك');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

	// The survey has no Arabic: its Dutch title, marked as Dutch, with a notice in Arabic.
	await page.goto('/bevraging/tevredenheid-webpunt');
	await expect(page.getByRole('heading', { level: 1, name: /webpunt/ })).toBeVisible();
	await expect(
		page.getByText('هذا النص غير متوفر بلغتك بعد. أنت تقرؤه باللغة الهولندية.')
	).toBeVisible();

	// Decisions are written in Dutch: the same notice, in the language chosen now.
	await page.getByLabel('اللغة').selectOption('en');
	await page.goto('/beslissingen/subsidiereglement-geveltuinen');
	await page.getByTestId('decision-summary').waitFor();
	await expect(
		page.getByText('This text is not available in your language yet. You are reading it in Dutch.')
	).toBeVisible();
	await expect(page.getByTestId('decision-summary')).toHaveAttribute('lang', 'nl');
});

test('every page has read-aloud; without a voice for the language it says what to do instead', async ({
	page
}) => {
	// Headless Chromium has no voices: the fallback is what a resident without one sees.
	for (const path of ['/', '/privacy', '/toegankelijkheid', '/melding']) {
		await page.goto(path);
		await expect(page.getByRole('button', { name: 'Lire cette page à voix haute' })).toBeVisible();
	}
	const voices = await page.evaluate(() => speechSynthesis.getVoices().length);
	await page.getByRole('button', { name: 'Lire cette page à voix haute' }).click();
	if (voices === 0) {
		await expect(page.getByRole('status').filter({ hasText: /ne fonctionne pas/ })).toBeVisible();
	} else {
		await expect(page.getByRole('button', { name: 'Arrêter la lecture' })).toBeVisible();
	}
});
