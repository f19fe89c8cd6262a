// How to reach every page of the route tree, and the states worth checking on
// it. `routes.test.ts` fails when a page in web/routes has no entry here, so a
// new page is checked from the day it exists. Dynamic parameters come from the
// seeded demo content (and a melding made for the run).
import type { Page } from '@playwright/test';

/** Records the suite makes or looks up before it starts. */
export interface Seed {
	melding: { id: string; code: string };
	decision: { id: string; slug: string };
	/** An unconfirmed follow subscription: its unsubscribe link asks a question. */
	followToken: string;
}

export interface State {
	name: string;
	/** Moves the page from the previous state into this one. */
	enter: (page: Page, seed: Seed) => Promise<void>;
}

export interface RouteEntry {
	/** The address without the build's base (`/kiosk`). */
	path: (seed: Seed) => string;
	/** Resolves once the page shows its content, not a loading message. */
	ready: (page: Page) => Promise<void>;
	/** In the kiosk build, when the page shows something else there. */
	kioskReady?: (page: Page) => Promise<void>;
	/** Staff pages: who signs in first (`none` for the sign-in page itself). */
	staff?: 'handler' | 'editor' | 'none';
	/** Further states, entered one after the other from the first. */
	states?: State[];
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).first().waitFor();
const testId = (id: string) => (page: Page) => page.getByTestId(id).first().waitFor();
const errorSummary = (page: Page) => page.locator('.error-summary').first().waitFor();

/** Clicks a button by its Dutch name and waits for the error summary. */
const submitEmpty =
	(button: string): State['enter'] =>
	async (page) => {
		await page.getByRole('button', { name: button, exact: true }).first().click();
		await errorSummary(page);
	};

export const ROUTE_TABLE: Record<string, RouteEntry> = {
	'/': {
		path: () => '/',
		ready: testId('open-surveys'),
		// The kiosk's home is its start screen with the big tiles.
		kioskReady: testId('kiosk-start')
	},
	'/beslissingen': {
		path: () => '/beslissingen',
		ready: testId('decisions-list'),
		states: [
			{
				name: 'follow form with errors',
				enter: async (page) => {
					const follow = page.getByRole('region', {
						name: 'Krijg een e-mail bij nieuwe beslissingen'
					});
					await follow.getByLabel('Je e-mailadres').fill('geen-adres');
					await follow.getByRole('button', { name: 'Volgen' }).click();
					await errorSummary(page);
				}
			},
			{
				name: 'no results',
				enter: async (page) => {
					await page.getByRole('searchbox', { name: 'Zoekwoorden' }).fill('xylofoonwedstrijd');
					await page.keyboard.press('Enter');
					await page.getByTestId('decisions-count').filter({ hasText: /^Geen/ }).waitFor();
				}
			}
		]
	},
	'/beslissingen/[slug]': {
		path: (seed) => `/beslissingen/${seed.decision.slug}`,
		ready: testId('decision-summary')
	},
	'/beslissingen/volgen': {
		path: (seed) => `/beslissingen/volgen?uitschrijven=${seed.followToken}`,
		ready: (page) =>
			page.getByRole('button', { name: 'Ja, schrijf me uit' }).waitFor({ state: 'visible' }),
		states: [
			{
				name: 'a link that does not work',
				enter: async (page) => {
					await page.goto(page.url().replace(/\?.*$/, '?bevestig=bestaat-niet'));
					await page.getByText('Deze link werkt niet (meer).').waitFor();
				}
			}
		]
	},
	'/bevraging/[slug]': {
		path: () => '/bevraging/tevredenheid-webpunt',
		ready: (page) => page.getByRole('button', { name: 'Start de bevraging' }).waitFor(),
		states: [
			{
				name: 'first question, empty',
				enter: async (page) => {
					await page.getByRole('button', { name: 'Start de bevraging' }).click();
					await page.getByText('Stap 1 van 6').waitFor();
				}
			},
			{ name: 'error shown', enter: submitEmpty('Volgende') },
			{
				name: 'filled',
				enter: async (page) => {
					await page.getByRole('radio').first().check();
				}
			}
		]
	},
	'/bevraging/[slug]/resultaten': {
		path: () => '/bevraging/kruispunt-rondpunt-of-verkeerslichten/resultaten',
		ready: (page) => page.getByRole('table').first().waitFor(),
		states: [
			{
				name: 'results not public',
				enter: async (page) => {
					await page.goto(
						page.url().replace('kruispunt-rondpunt-of-verkeerslichten', 'tevredenheid-webpunt')
					);
					await page.getByRole('heading', { level: 1, name: /niet openbaar/ }).waitFor();
				}
			}
		]
	},
	'/melden': {
		path: () => '/melden',
		ready: (page) => page.getByRole('radio').first().waitFor(),
		states: [
			{ name: 'error shown', enter: submitEmpty('Verder') },
			{
				name: 'where, with an error',
				enter: async (page) => {
					await page.getByText('Straatverlichting', { exact: true }).click();
					await page.getByRole('button', { name: 'Verder' }).click();
					if (
						await page.getByRole('heading', { level: 1, name: 'Nog een paar vragen' }).isVisible()
					) {
						await page.getByRole('radio').first().check();
						await page.getByRole('button', { name: 'Verder' }).click();
					}
					await page.getByRole('heading', { level: 1, name: 'Waar is het probleem?' }).waitFor();
					await submitEmpty('Verder')(page, {} as Seed);
				}
			}
		]
	},
	'/melding': {
		path: () => '/melding',
		ready: h1,
		states: [
			{ name: 'error shown', enter: submitEmpty('Bekijk de melding') },
			{
				name: 'filled',
				enter: async (page, seed) => {
					await page.getByLabel('Je code').fill(seed.melding.code);
				}
			}
		]
	},
	'/melding/[code]': {
		path: (seed) => `/melding/${seed.melding.code}`,
		ready: testId('public-status')
	},
	'/mijn-gegevens': {
		path: () => '/mijn-gegevens',
		// Empty on a fresh device: both lists say so.
		ready: (page) => page.getByRole('heading', { level: 2 }).nth(1).waitFor()
	},
	'/privacy': { path: () => '/privacy', ready: h1 },
	'/toegankelijkheid': { path: () => '/toegankelijkheid', ready: testId('statement-date') },
	'/medewerkers/aanmelden': {
		path: () => '/medewerkers/aanmelden',
		staff: 'none',
		ready: h1,
		states: [{ name: 'error shown', enter: submitEmpty('Aanmelden') }]
	},
	'/medewerkers': {
		path: () => '/medewerkers',
		staff: 'handler',
		ready: (page) =>
			page.getByRole('heading', { level: 1, name: 'Overzicht voor medewerkers' }).waitFor()
	},
	'/medewerkers/beslissingen': {
		path: () => '/medewerkers/beslissingen',
		staff: 'editor',
		ready: testId('staff-decisions')
	},
	'/medewerkers/beslissingen/[id]': {
		path: (seed) => `/medewerkers/beslissingen/${seed.decision.id}`,
		staff: 'editor',
		ready: (page) => page.getByLabel('Korte titel').waitFor(),
		states: [
			{
				name: 'error shown',
				enter: async (page) => {
					// Nothing is saved: the missing title stops the form in the browser.
					await page.getByLabel('Titel (officieel)').fill('');
					await submitEmpty('Bewaren')(page, {} as Seed);
				}
			}
		]
	},
	'/medewerkers/bevragingen': {
		path: () => '/medewerkers/bevragingen',
		staff: 'handler',
		ready: (page) => page.getByRole('table').first().waitFor()
	},
	'/medewerkers/bevragingen/[slug]': {
		path: () => '/medewerkers/bevragingen/kruispunt-rondpunt-of-verkeerslichten',
		staff: 'handler',
		ready: (page) => page.getByRole('table').first().waitFor()
	},
	'/medewerkers/journeys': {
		path: () => '/medewerkers/journeys',
		staff: 'handler',
		ready: h1
	},
	'/medewerkers/meldingen': {
		path: () => '/medewerkers/meldingen',
		staff: 'handler',
		ready: testId('queue-count')
	},
	'/medewerkers/meldingen/[id]': {
		path: (seed) => `/medewerkers/meldingen/${seed.melding.id}`,
		staff: 'handler',
		ready: testId('history'),
		states: [
			{ name: 'error shown', enter: submitEmpty('Opslaan') },
			{
				name: 'filled',
				enter: async (page) => {
					await page
						.getByRole('group', { name: /Nieuwe status/ })
						.getByRole('radio')
						.first()
						.check();
					await page.getByLabel('Bericht voor inwoners').fill('We bekijken het.');
				}
			}
		]
	}
};
