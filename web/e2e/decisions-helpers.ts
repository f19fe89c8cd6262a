// Shared steps of the decisions browser tests (issue 5).
import { expect, type Locator, type Page } from '@playwright/test';
import PocketBase, { type RecordModel } from 'pocketbase';
import { DEMO_STAFF } from '../../cli/seed/seed.ts';

/** Presses Tab until the element is focused: the walk is keyboard only. */
export async function tabTo(page: Page, target: Locator, limit = 60) {
	for (let presses = 0; presses < limit; presses++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}

/** Every decision a resident can read, newest first. */
export async function published(baseURL: string | undefined): Promise<RecordModel[]> {
	return new PocketBase(baseURL).collection('decisions').getFullList({ sort: '-publicationDate' });
}

/** The test run's superuser: makes data a test needs that the seed does not have. */
export async function superuser(baseURL: string | undefined): Promise<PocketBase> {
	const { email, password } = JSON.parse(process.env.STADSSTEM_E2E_SUPERUSER ?? '{}');
	const su = new PocketBase(baseURL);
	await su.collection('_superusers').authWithPassword(email, password);
	return su;
}

export async function pieterLogsIn(page: Page) {
	const pieter = DEMO_STAFF.find((account) => account.role === 'editor')!;
	await page.goto('/medewerkers/aanmelden');
	await page.getByLabel('E-mailadres').fill(pieter.email);
	await page.getByLabel('Wachtwoord').fill(process.env.STADSSTEM_E2E_STAFF_PASSWORD ?? '');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Overzicht voor medewerkers' })
	).toBeVisible();
}

/** The text the live region says for a number of results. */
export function countText(count: number): string {
	return count === 0
		? 'Geen beslissingen gevonden.'
		: count === 1
			? '1 beslissing gevonden'
			: `${count} beslissingen gevonden`;
}
