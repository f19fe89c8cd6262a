// Shared by the resident survey tests: a superuser client to prepare surveys
// through the API, copies of a demo survey with other dates or status, and
// dates as Antwerp's calendar gives them.
import { expect, type Locator, type Page } from '@playwright/test';
import PocketBase, { type RecordModel } from 'pocketbase';

export async function asSuperuser(baseURL: string): Promise<PocketBase> {
	const pb = new PocketBase(baseURL);
	const { email, password } = JSON.parse(process.env.STADSSTEM_E2E_SUPERUSER ?? '{}');
	await pb.collection('_superusers').authWithPassword(email, password);
	return pb;
}

/** The stored responses whose answers contain a marker text only this test typed. */
export async function responsesWith(baseURL: string, marker: string) {
	const pb = await asSuperuser(baseURL);
	return pb
		.collection('responses')
		.getFullList({ filter: pb.filter('answers ~ {:marker}', { marker }) });
}

/** Today plus some days, as a bare date (YYYY-MM-DD) on Antwerp's calendar. */
export function cityDate(daysFromToday: number): string {
	const moment = Date.now() + daysFromToday * 24 * 60 * 60 * 1000;
	// Swedish writes dates as YYYY-MM-DD.
	return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels' }).format(moment);
}

/** A bare date as a Dutch reader sees it, e.g. "31 maart 2027". */
export function dutchDate(bareDate: string): string {
	return new Intl.DateTimeFormat('nl-BE', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(Date.parse(`${bareDate}T00:00:00Z`));
}

/** A new survey with its own slug: a demo survey's definition with other fields. */
export async function copyOfSurvey(
	baseURL: string,
	changes: Record<string, unknown> = {},
	from = 'tevredenheid-webpunt'
): Promise<{ pb: PocketBase; survey: RecordModel; slug: string }> {
	const pb = await asSuperuser(baseURL);
	const original = await pb
		.collection('surveys')
		.getFirstListItem(pb.filter('slug = {:from}', { from }));
	const {
		id: _id,
		created: _c,
		updated: _u,
		collectionId: _ci,
		collectionName: _cn,
		...fields
	} = original;
	const slug = `test-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
	const survey = await pb.collection('surveys').create({ ...fields, slug, ...changes });
	return { pb, survey, slug };
}

/** Presses Tab until the element has focus, as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
	for (let i = 0; i < limit; i++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('could not reach the element with Tab');
}

const next = (page: Page) => page.getByRole('button', { name: 'Volgende' }).click();

/** The webpunt survey (or a copy) by touch, from its first page to the review. */
export async function answerWebpuntSurvey(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Start de bevraging' }).click();
	await page.getByRole('radio', { name: 'Bibliotheek Permeke' }).check();
	await next(page);
	await page.getByRole('checkbox', { name: 'Een afspraak maken' }).check();
	await next(page);
	await page.getByRole('radio', { name: /^5/ }).check();
	await next(page);
	await page.getByRole('radio', { name: 'Ja' }).check();
	await next(page);
	await next(page);
	await next(page);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Controleer je antwoorden' })
	).toBeVisible();
}
