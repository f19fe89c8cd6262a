// Decisions (issue 5): the filters the first walks did not cover (theme, deciding
// body, period) and the pages of a long list, keyboard only, against the real build
// and a real PocketBase.
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { RecordModel } from 'pocketbase';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import { countText, published, superuser, tabTo } from './decisions-helpers.ts';

const title = (decision: RecordModel) => decision.shortTitle || decision.title;

/** Presses Search by keyboard and checks the list holds exactly the wanted decisions. */
async function searchAndExpect(page: Page, wanted: RecordModel[]) {
	await tabTo(page, page.getByRole('button', { name: 'Zoeken' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('decisions-count')).toHaveText(countText(wanted.length));
	const items = page.getByTestId('decisions-list').locator(':scope > li');
	await expect(items).toHaveCount(wanted.length);
	for (const decision of wanted) {
		await expect(items.getByRole('link', { name: title(decision) })).toBeVisible();
	}
}

/**
 * Types a date into a focused date field by keyboard. The order of its day, month and year
 * follows the browser's own language, which a test cannot choose: the usual orders are tried
 * in turn, Shift+Tab going back to the first part between tries.
 */
async function typeDate(page: Page, field: Locator, iso: string) {
	const [year, month, day] = iso.split('-');
	const orders = [day + month + year, month + day + year, year + month + day];
	for (const [index, digits] of orders.entries()) {
		if (index > 0) {
			await page.keyboard.press('Shift+Tab');
			await page.keyboard.press('Shift+Tab');
		}
		await page.keyboard.type(digits);
		if ((await field.inputValue()) === iso) return;
	}
	await expect(field).toHaveValue(iso);
}

async function clearFilters(page: Page) {
	await tabTo(page, page.getByRole('button', { name: 'Alle filters wissen' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/beslissingen$/);
}

test('Jan filters by theme, by who decided and by period with the keyboard only', async ({
	page,
	baseURL
}) => {
	const all = await published(baseURL);
	await page.goto('/beslissingen');
	await expect(page.getByTestId('decisions-list')).toBeVisible();

	// Theme: chosen by typing its name on the focused list, as a keyboard user does.
	const byTheme = all.filter((decision) => (decision.themes ?? []).includes('groen'));
	expect(byTheme.length).toBeGreaterThan(0);
	expect(byTheme.length).toBeLessThan(all.length);
	const theme = page.getByLabel('Thema', { exact: true });
	await tabTo(page, theme);
	await page.keyboard.type('Groen');
	await expect(theme).toHaveValue('groen');
	await searchAndExpect(page, byTheme);
	await expect(page).toHaveURL(/thema=groen/);
	await clearFilters(page);

	const byBody = all.filter((decision) => decision.body === 'districtsraad');
	expect(byBody.length).toBeGreaterThan(0);
	expect(byBody.length).toBeLessThan(all.length);
	const body = page.getByLabel('Wie besliste', { exact: true });
	await tabTo(page, body);
	await page.keyboard.type('Districtsraad');
	await expect(body).toHaveValue('districtsraad');
	await searchAndExpect(page, byBody);
	await expect(page).toHaveURL(/orgaan=districtsraad/);
	await clearFilters(page);

	// Period: the session dates of the seed lie in autumn 2026; October alone holds some, not all.
	const from = '2026-10-01';
	const to = '2026-10-31';
	const inPeriod = all.filter((decision) => {
		const day = String(decision.sessionDate).slice(0, 10);
		return day !== '' && day >= from && day <= to;
	});
	expect(inPeriod.length).toBeGreaterThan(0);
	expect(inPeriod.length).toBeLessThan(all.length);
	const fromField = page.getByLabel('Vanaf', { exact: true });
	await tabTo(page, fromField);
	await typeDate(page, fromField, from);
	const toField = page.getByLabel('Tot en met', { exact: true });
	await tabTo(page, toField);
	await typeDate(page, toField, to);
	await searchAndExpect(page, inPeriod);
	await expect(page).toHaveURL(new RegExp(`van=${from}&tot=${to}`));
	await expectNoAxeViolations(page, 'list filtered by period');
});

test('a long list comes in pages: Jan pages through by keyboard and hears where he is', async ({
	page,
	baseURL
}) => {
	// The seed has three decisions: this test makes 21 more (three pages of ten), under a theme
	// of its own and long out of force, so no other test's numbers change; removed afterwards.
	const su = await superuser(baseURL);
	const suffix = Date.now().toString(36);
	const theme = `paginering-${suffix}`;
	const made: RecordModel[] = [];
	try {
		for (let number = 1; number <= 21; number++) {
			const day = String(number).padStart(2, '0');
			made.push(
				await su.collection('decisions').create({
					slug: `paginering-${suffix}-${number}`,
					title: `Testbeslissing voor de paginering nummer ${number}`,
					shortTitle: `Paginering ${suffix} nummer ${number}`,
					summary: 'Een beslissing om door de pagina’s van de lijst te bladeren.',
					content: 'Het college beslist.',
					motivation: 'Om de lijst te testen.',
					body: 'college',
					sessionDate: `2001-01-${day} 00:00:00.000Z`,
					publicationDate: `2001-02-${day} 00:00:00.000Z`,
					inForceUntil: '2001-12-31 00:00:00.000Z',
					themes: [theme],
					status: 'published',
					language: 'nl'
				})
			);
		}
		// Newest first: numbers 21 to 12 on page 1, 11 to 2 on page 2, 1 on page 3.
		const onPage = (first: number, last: number) =>
			made.filter((_, index) => index + 1 <= first && index + 1 >= last);

		await page.goto(`/beslissingen?thema=${theme}`);
		const position = page.getByTestId('decisions-position');
		await expect(page.getByTestId('decisions-count')).toHaveText('21 beslissingen gevonden');
		await expect(position).toHaveText('Pagina 1 van 3');
		// The position is said by the same polite live region as the number found.
		await expect(position.locator('xpath=..')).toHaveAttribute('aria-live', 'polite');
		const items = page.getByTestId('decisions-list').locator(':scope > li');
		const pages = page.getByRole('navigation', { name: "Pagina's" });
		const expectPage = async (first: number, last: number) => {
			const wanted = onPage(first, last);
			await expect(items).toHaveCount(wanted.length);
			await expect(items.first()).toContainText(`nummer ${first}`);
			await expect(items.last()).toContainText(`nummer ${last}`);
		};
		await expectPage(21, 12);
		await expect(pages.getByRole('link', { name: 'Vorige pagina' })).toHaveCount(0);
		await expectNoAxeViolations(page, 'list, page 1 of 3');

		await tabTo(page, pages.getByRole('link', { name: 'Volgende pagina' }), 120);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/pagina=2/);
		await expect(position).toHaveText('Pagina 2 van 3');
		await expect(pages).toContainText('Pagina 2 van 3');
		// The keyboard goes on at the results, not back at the top of the page.
		await expect(page.getByRole('heading', { level: 2, name: 'Resultaten' })).toBeFocused();
		await expectPage(11, 2);
		await expectNoAxeViolations(page, 'list, page 2 of 3');

		await tabTo(page, pages.getByRole('link', { name: 'Volgende pagina' }));
		await page.keyboard.press('Enter');
		await expect(position).toHaveText('Pagina 3 van 3');
		await expectPage(1, 1);
		await expect(pages.getByRole('link', { name: 'Volgende pagina' })).toHaveCount(0);

		await tabTo(page, pages.getByRole('link', { name: 'Vorige pagina' }));
		await page.keyboard.press('Enter');
		await expect(position).toHaveText('Pagina 2 van 3');
		await expectPage(11, 2);

		// Back returns to the page before, as in any list of links.
		await page.goBack();
		await expect(position).toHaveText('Pagina 3 van 3');
	} finally {
		for (const decision of made) await su.collection('decisions').delete(decision.id);
	}
});
