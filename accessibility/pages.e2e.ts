// axe over every page of the route tree (issue 9), in the states that matter
// and the modes residents use: phone and tablet, 200 % text, forced colours,
// reduced motion, right to left in Arabic; in the kiosk also its own 200 %
// text and contrast switches, assisted mode, the PIN dialog and the idle
// warning. The list of pages comes from web/routes (see route-table.ts).
//
// Time: every mode of a page is checked on one page load (modes are switched
// in place), the first state of each page in every mode, later states in the
// base mode and in one combined mode (200 % text, forced colours and reduced
// motion at once), which keeps the suite to a few minutes on two cores.
import { appendFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { DEMO_STAFF } from '../cli/seed/seed.ts';
import { newKiosk, openKiosk } from '../kiosk/e2e/kiosk-helpers.ts';
import { asSuperuser, seedMelding } from '../web/e2e/meldingen-helpers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { ROUTE_TABLE, type RouteEntry, type Seed } from './route-table.ts';
import { discoverRoutes, isStaffRoute } from './routes.ts';

const BASE_URL = `http://127.0.0.1:${process.env.STADSSTEM_E2E_PORT}`;

// Bounds a hung test only: a page in every mode is ten axe runs, which on a loaded
// two-core machine can take longer than the default two minutes.
test.describe.configure({ timeout: 300_000 });

// Every axe run is one page × state × mode check. Workers add their counts to
// one file per run (the runner's process and port name it), and each prints the sum so far:
// the last line printed is the run's total.
const COUNT_FILE = path.join(
	os.tmpdir(),
	`stadsstem-a11y-checks-${process.ppid}-${process.env.STADSSTEM_E2E_PORT}`
);
let checked = 0;

async function check(page: Page, route: string, state: string, mode: string): Promise<void> {
	await expectNoAxeViolations(page, `${route} · ${state} · ${mode}`);
	checked++;
}

interface Mode {
	name: string;
	on: (page: Page) => Promise<void>;
	off: (page: Page) => Promise<void>;
}

const viewportOf = (page: Page) => page.viewportSize() ?? { width: 412, height: 839 };
let savedViewport = { width: 412, height: 839 };

/** Browser text size at 200 %: rem-based sizes follow the root font size. */
const bigText = (on: boolean) => (page: Page) =>
	page.evaluate((on) => {
		if (on) document.documentElement.style.setProperty('font-size', '200%', 'important');
		else document.documentElement.style.removeProperty('font-size');
	}, on);

const language = (code: string) => async (page: Page) => {
	await page.locator('.site-header select').selectOption(code);
	await expect(page.locator('html')).toHaveAttribute('lang', code);
};

const MODES: Mode[] = [
	{
		name: 'tablet',
		on: async (page) => {
			savedViewport = viewportOf(page);
			await page.setViewportSize({ width: 1024, height: 768 });
		},
		off: async (page) => page.setViewportSize(savedViewport)
	},
	{ name: '200 % text', on: bigText(true), off: bigText(false) },
	{
		name: 'forced colours',
		on: (page) => page.emulateMedia({ forcedColors: 'active' }),
		off: (page) => page.emulateMedia({ forcedColors: 'none' })
	},
	{
		name: 'reduced motion',
		on: (page) => page.emulateMedia({ reducedMotion: 'reduce' }),
		off: (page) => page.emulateMedia({ reducedMotion: 'no-preference' })
	},
	{
		name: 'Arabic, right to left',
		on: async (page) => {
			await language('ar')(page);
			await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		},
		off: language('nl')
	}
];

const COMBINED: Mode = {
	name: '200 % text, forced colours, reduced motion',
	on: async (page) => {
		await bigText(true)(page);
		await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
	},
	off: async (page) => {
		await bigText(false)(page);
		await page.emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' });
	}
};

async function makeSeed(): Promise<Seed> {
	const admin = await asSuperuser(BASE_URL);
	const created = await seedMelding(BASE_URL, {
		// In Deurne, Els's district, so her queue shows it; a category no other walk looks near.
		category: 'zwerfvuil',
		location: { lat: 51.2195, lon: 4.465 },
		description: 'Zwerfvuil langs het fietspad (toegankelijkheidstest).'
	});
	// The code is set by the server; only staff can read it back.
	const melding = await admin.collection('meldingen').getOne(created.id);
	const decision = await new PocketBase(BASE_URL)
		.collection('decisions')
		.getFirstListItem("slug = 'subsidiereglement-geveltuinen'");
	const followToken = `a11y${crypto.randomUUID().replaceAll('-', '')}`.slice(0, 40);
	await admin.collection('decision_subscriptions').create({
		email: `a11y-${Date.now()}@example.com`,
		district: 'deurne',
		token: followToken,
		confirmed: false
	});
	return {
		melding: { id: melding.id, code: melding.code },
		decision: { id: decision.id, slug: decision.slug },
		followToken
	};
}

let seedPromise: Promise<Seed> | null = null;
const seed = () => (seedPromise ??= makeSeed());

async function signIn(page: Page, role: 'handler' | 'editor'): Promise<void> {
	const account = DEMO_STAFF.find((candidate) => candidate.role === role)!;
	await page.goto('/medewerkers/aanmelden');
	await page.getByLabel('E-mailadres').fill(account.email);
	await page.getByLabel('Wachtwoord').fill(process.env.STADSSTEM_E2E_STAFF_PASSWORD ?? '');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await page.getByRole('heading', { level: 1, name: 'Overzicht voor medewerkers' }).waitFor();
}

test.afterAll(() => {
	appendFileSync(COUNT_FILE, `${checked}\n`);
	checked = 0;
	const total = readFileSync(COUNT_FILE, 'utf8')
		.split('\n')
		.filter(Boolean)
		.reduce((sum, line) => sum + Number(line), 0);
	console.log(`accessibility: ${total} page × state × mode checks so far, zero violations`);
});

/** Two animation frames: the switch has been laid out and painted. */
const settled = (page: Page) =>
	page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);

/**
 * Pages whose first view is checked in every mode and whose states are checked
 * again in the combined mode: one of each kind (home, reading, a survey, a
 * melding, a staff form). Every other page gets one mode besides the base,
 * in turn, so each mode still meets pages of every kind.
 */
const ALL_MODES = new Set([
	'/',
	'/beslissingen/[slug]',
	'/bevraging/[slug]',
	'/melden',
	'/medewerkers/meldingen/[id]'
]);

async function walk(page: Page, route: string, entry: RouteEntry, turn: number): Promise<void> {
	const data = await seed();
	await page.goto(entry.path(data));
	await entry.ready(page);
	await check(page, route, 'first view', 'phone');
	const everything = ALL_MODES.has(route);
	for (const mode of everything ? MODES : [MODES[turn % MODES.length]]) {
		await mode.on(page);
		await settled(page);
		await check(page, route, 'first view', mode.name);
		await mode.off(page);
	}
	for (const state of entry.states ?? []) {
		await state.enter(page, data);
		await check(page, route, state.name, 'phone');
		if (!everything) continue;
		await COMBINED.on(page);
		await check(page, route, state.name, COMBINED.name);
		await COMBINED.off(page);
	}
}

discoverRoutes().forEach((route, turn) => {
	const entry = ROUTE_TABLE[route];
	if (!entry) return;
	test(`axe: ${route}, its states and modes`, async ({ page }) => {
		if (entry.staff && entry.staff !== 'none') await signIn(page, entry.staff);
		await walk(page, route, entry, turn);
	});
});

test.describe('kiosk build', () => {
	test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: true });

	for (const route of discoverRoutes().filter((id) => !isStaffRoute(id))) {
		const entry = ROUTE_TABLE[route];
		if (!entry) continue;
		test(`axe in the kiosk: ${route}, plain, at 200 % text with contrast, assisted`, async ({
			page
		}) => {
			const kiosk = await newKiosk(BASE_URL);
			await openKiosk(page, kiosk);
			// The kiosk's own switches and the helper's mode, on the page as it first shows.
			await page.goto(`/kiosk${entry.path(await seed())}`);
			await (entry.kioskReady ?? entry.ready)(page);
			await check(page, route, 'first view', 'kiosk');
			await page.getByTestId('kiosk-text-200').click();
			await page.getByTestId('kiosk-contrast').click();
			await check(page, route, 'first view', 'kiosk, 200 % text, high contrast');
			await page.getByTestId('kiosk-assist-open').click();
			await page.getByLabel('Pincode').fill(kiosk.pin);
			await page.getByRole('button', { name: 'Begeleide modus aanzetten' }).click();
			await expect(page.getByTestId('kiosk-assisted-badge')).toBeVisible();
			const consent = page.getByRole('dialog', { name: 'Toestemming van de bewoner' });
			if (await consent.isVisible()) {
				await check(page, route, 'consent dialog', 'kiosk, assisted');
				await consent.getByRole('button', { name: 'De bewoner geeft toestemming' }).click();
			}
			await check(page, route, 'first view', 'kiosk, 200 % text, high contrast, assisted');
		});
	}

	test('axe in the kiosk: the PIN dialog with an error, and the idle warning', async ({ page }) => {
		const kiosk = await newKiosk(BASE_URL);
		await openKiosk(page, kiosk, { idle: 30 });
		await page.getByTestId('kiosk-assist-open').click();
		const dialog = page.getByTestId('kiosk-pin-dialog');
		await expect(dialog).toBeVisible();
		await check(page, '/', 'PIN dialog', 'kiosk');
		await page.getByLabel('Pincode').fill('0000');
		await page.getByRole('button', { name: 'Begeleide modus aanzetten' }).click();
		await expect(page.locator('#kiosk-pin-error')).toBeVisible();
		await check(page, '/', 'PIN dialog, wrong PIN', 'kiosk');
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();

		await page.getByTestId('tile-report').click();
		await page.getByRole('radio').first().waitFor();
		await page.clock.fastForward(31_000);
		const warning = page.getByRole('dialog', { name: 'Ben je er nog?' });
		await expect(warning).toBeVisible();
		await check(page, '/melden', 'idle warning', 'kiosk');
		await warning.getByRole('button', { name: 'Ik ben er nog' }).click();
		await expect(warning).toBeHidden();
	});
});
