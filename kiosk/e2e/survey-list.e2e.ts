// The kiosk's "Je mening geven" screen lists what takes answers today, by the same
// rule as the resident home page: not a survey whose last day has passed, not one
// that opens later.
import { expect, test } from '@playwright/test';
import { cityDate, copyOfSurvey } from '../../web/e2e/survey-helpers.ts';
import { newKiosk, openKiosk } from './kiosk-helpers.ts';

test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: true });

test('the kiosk lists only surveys open today', async ({ page, baseURL }) => {
	const stamp = Date.now();
	await copyOfSurvey(baseURL!, {
		title: { nl: `Kiosk sluit vandaag ${stamp}` },
		opens: cityDate(-10),
		closes: cityDate(0)
	});
	await copyOfSurvey(baseURL!, {
		title: { nl: `Kiosk sloot gisteren ${stamp}` },
		opens: cityDate(-10),
		closes: cityDate(-1)
	});
	await copyOfSurvey(baseURL!, {
		title: { nl: `Kiosk start later ${stamp}` },
		opens: cityDate(5),
		closes: cityDate(30)
	});

	await openKiosk(page, await newKiosk(baseURL!));
	await page.getByTestId('tile-opinion').click();
	await expect(page.getByRole('link', { name: `Kiosk sluit vandaag ${stamp}` })).toBeVisible();
	await expect(page.getByRole('link', { name: `Kiosk sloot gisteren ${stamp}` })).toHaveCount(0);
	await expect(page.getByRole('link', { name: `Kiosk start later ${stamp}` })).toHaveCount(0);
});
