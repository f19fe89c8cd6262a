import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import { cityDate, copyOfSurvey, dutchDate } from './survey-helpers.ts';

/** The bare date (YYYY-MM-DD) of a stored date, or '' when there is none. */
const day = (value: string) => value.slice(0, 10);

test('Tom opens the site on his phone and sees the surveys open today, each with district, closing date and time it takes', async ({
	page,
	baseURL
}) => {
	const stamp = Date.now();
	const today = cityDate(0);
	// Still open: a bare closing date means the end of that day in Antwerp.
	const closesToday = await copyOfSurvey(baseURL!, {
		title: { nl: `Sluit vandaag ${stamp}` },
		opens: cityDate(-10),
		closes: today,
		district: 'deurne',
		estimatedMinutes: 4
	});
	// Left "open" by staff, but its last day is over.
	const closedYesterday = await copyOfSurvey(baseURL!, {
		title: { nl: `Sloot gisteren ${stamp}` },
		opens: cityDate(-10),
		closes: cityDate(-1)
	});
	const opensLater = cityDate(5);
	const scheduled = await copyOfSurvey(baseURL!, {
		title: { nl: `Start later ${stamp}` },
		opens: opensLater,
		closes: cityDate(30)
	});

	// Open today by Antwerp's calendar, read straight from the database.
	const { pb } = closesToday;
	const openToday = async () =>
		(await pb.collection('surveys').getFullList({ filter: "status = 'open'" }))
			.filter((survey) => !survey.opens || day(survey.opens) <= today)
			.filter((survey) => !survey.closes || day(survey.closes) >= today)
			.map((survey) => `/bevraging/${survey.slug}`);
	const before = await openToday();
	expect(before).toContain(`/bevraging/${closesToday.slug}`);

	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geef je mening');
	const list = page.getByTestId('open-surveys');
	await expect(list.getByRole('link', { name: `Sluit vandaag ${stamp}` })).toBeVisible();
	const listed = await list
		.getByRole('heading', { level: 3 })
		.getByRole('link')
		.evaluateAll((links) =>
			links.map((link) => new URL((link as HTMLAnchorElement).href).pathname)
		);
	// Other tests may add surveys meanwhile: what was open before is listed, what is listed is open.
	for (const path of before) expect(listed).toContain(path);
	const after = await openToday();
	for (const path of listed) expect(after).toContain(path);
	expect(listed).not.toContain(`/bevraging/${closedYesterday.slug}`);
	expect(listed).not.toContain(`/bevraging/${scheduled.slug}`);

	// What Tom needs to choose: where, until when, how long.
	const card = list
		.getByRole('article')
		.filter({ has: page.getByRole('link', { name: `Sluit vandaag ${stamp}` }) });
	await expect(card).toContainText('District Deurne');
	await expect(card).toContainText(`Open tot ${dutchDate(today)}`);
	await expect(card).toContainText('4 minuten');

	// Published but not open yet: apart, with the day it starts.
	const soon = page.getByTestId('soon-surveys');
	await expect(page.getByRole('heading', { level: 2, name: 'Binnenkort' })).toBeVisible();
	const soonItem = soon
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: `Start later ${stamp}` }) });
	await expect(soonItem).toContainText(`Start op ${dutchDate(opensLater)}`);
	await expect(page.getByRole('link', { name: `Sloot gisteren ${stamp}` })).toHaveCount(0);
	await expectNoAxeViolations(page, 'home with open and coming surveys');
});

test('the skip link is the first stop for keyboard users and moves focus to the content', async ({
	page
}) => {
	await page.goto('/');
	// The app renders in the browser: wait for it before the first key press.
	await page.getByRole('heading', { level: 1 }).waitFor();
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Ga naar de inhoud' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});

test('Fatima switches to Arabic: the page turns right-to-left and remembers it', async ({
	page
}) => {
	await page.goto('/');
	await page.getByLabel('Taal').selectOption('ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('أبدِ رأيك');
});

test('the kiosk build is served at /kiosk/ with its own app', async ({ page }) => {
	const response = await page.goto('/kiosk/');
	expect(response?.status()).toBe(200);
	await page.getByRole('heading', { level: 1 }).waitFor();
	// Every script and style the kiosk loads comes from the kiosk build, never the citizen one.
	const assets = await page
		.locator('link[rel="modulepreload"], link[rel="stylesheet"], script[src]')
		.evaluateAll((elements) =>
			elements.map(
				(element) =>
					new URL(element.getAttribute('href') ?? element.getAttribute('src') ?? '', location.href)
						.pathname
			)
		);
	expect(assets.length).toBeGreaterThan(0);
	expect(assets.filter((href) => !href?.startsWith('/kiosk/'))).toEqual([]);
});
