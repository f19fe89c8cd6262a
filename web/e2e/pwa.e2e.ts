// The installable app (issue 10) in the browser, against the real build served
// by a real, seeded PocketBase: install criteria, the app shell and a decision
// already seen offline, Tom's melding filed in the tunnel that arrives once
// (with its code shown and kept on the phone), a refused queued melding with
// its reason, the update prompt after a new service worker appears, and the
// home page's speed budget that does not depend on the clock: its first-load
// JavaScript (as sent, compressed) and no layout shift.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page, type Response } from '@playwright/test';
import type PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import { asSuperuser } from './meldingen-helpers.ts';
import { serverWithNewerBuilds } from './newer-builds.ts';

const SHOTS = process.env.STADSSTEM_SCREENSHOTS ?? 'test-results/pwa-screens';
mkdirSync(SHOTS, { recursive: true });

/** Loads the page, waits for the service worker, reloads: from then on it controls the page. */
async function underServiceWorker(page: Page, path = '/'): Promise<void> {
	await page.goto(path);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect
		.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
		.toBe(true);
}

async function goOnline(page: Page, context: BrowserContext): Promise<void> {
	await context.setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
}

async function next(page: Page) {
	await page.getByRole('button', { name: 'Verder' }).click();
}

async function heading(page: Page, name: string | RegExp) {
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** A category of our own, so that switching it off touches no other test. */
async function testCategory(pb: PocketBase, label: string): Promise<RecordModel> {
	const code = `pwa-${label}-${Date.now()}`;
	return pb.collection('categories').create({
		code,
		name: { nl: `Testprobleem ${label} ${code.slice(-5)}` },
		group: { nl: 'Test' },
		icon: 'other',
		active: true,
		sortOrder: 999
	});
}

/** Files a melding in `categoryName` by address; the page must show the first step. */
async function fileMelding(page: Page, categoryName: string, description: string): Promise<void> {
	await heading(page, 'Wat wil je melden?');
	await page.getByText(categoryName, { exact: true }).click();
	await next(page);
	await heading(page, 'Waar is het probleem?');
	await page.getByLabel(/Adres of plaatsbeschrijving/).fill('Lakborslei 20, Deurne');
	await next(page);
	await heading(page, 'Beschrijf het probleem');
	await page.getByLabel('Wat is er aan de hand?').fill(description);
	await next(page);
	await heading(page, 'Wil je updates per e-mail?');
	await next(page);
	await heading(page, 'Controleer je melding');
	await page.getByRole('button', { name: 'Verstuur melding' }).click();
}

async function meldingenWith(pb: PocketBase, description: string): Promise<RecordModel[]> {
	return pb
		.collection('meldingen')
		.getFullList({ filter: pb.filter('description = {:description}', { description }) });
}

test('install criteria: manifest fields, reachable icons, a service worker that controls the page', async ({
	page,
	request
}) => {
	const response = await request.get('/manifest.webmanifest');
	expect(response.ok()).toBe(true);
	const manifest = await response.json();
	expect(manifest).toMatchObject({
		id: '/',
		name: 'Stadsstem Antwerpen',
		short_name: 'Stadsstem',
		lang: 'nl',
		start_url: '/',
		scope: '/',
		display: 'standalone',
		theme_color: '#0057b7'
	});
	const purposes = manifest.icons.map((icon: { purpose: string }) => icon.purpose);
	expect(purposes).toContain('any');
	expect(purposes).toContain('maskable');
	expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toContain('512x512');
	for (const image of [...manifest.icons, ...manifest.screenshots]) {
		const file = await request.get(`/${image.src}`);
		expect(file.ok(), image.src).toBe(true);
		expect(file.headers()['content-type']).toContain('image/png');
	}
	expect(manifest.screenshots.map((shot: { form_factor: string }) => shot.form_factor)).toEqual([
		'narrow',
		'wide'
	]);
	expect(manifest.shortcuts.map((shortcut: { url: string }) => shortcut.url)).toEqual([
		'/',
		'/melden'
	]);

	const kiosk = await (await request.get('/kiosk/manifest.webmanifest')).json();
	expect(kiosk).toMatchObject({ id: '/kiosk/', scope: '/kiosk/', display: 'fullscreen' });

	await underServiceWorker(page);
	await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
		'href',
		'/manifest.webmanifest'
	);
	const scope = await page.evaluate(
		async () => (await navigator.serviceWorker.getRegistration())?.scope
	);
	expect(scope).toBe(new URL('/', page.url()).href);
});

test('offline: the app shell and a decision already seen still open', async ({
	page,
	context,
	request
}) => {
	const list = await (await request.get('/api/stadsstem/decisions?perPage=1')).json();
	const decision = list.items[0] as { slug: string; shortTitle: string; title: string };
	const title = decision.shortTitle || decision.title;
	await underServiceWorker(page);
	await page.goto(`/beslissingen/${decision.slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);

	await context.setOffline(true);
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Meld een probleem' }).first()).toBeVisible();
	await page.goto(`/beslissingen/${decision.slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	await page.screenshot({ path: `${SHOTS}/offline-decision.png`, fullPage: true });
	await context.setOffline(false);
});

test('Tom files a melding in the tunnel: it waits on the phone and arrives once when back online', async ({
	page,
	context,
	baseURL
}) => {
	const pb = await asSuperuser(baseURL!);
	const category = await testCategory(pb, 'tom');
	const description = `Losliggende tegel ${Date.now()}`;
	await underServiceWorker(page, '/melden');
	await heading(page, 'Wat wil je melden?');

	// The form itself opens without a connection (shell and categories from the cache).
	await context.setOffline(true);
	await page.goto('/melden');
	await fileMelding(page, category.name.nl, description);
	await heading(page, 'Je melding wacht op verbinding');
	await expect(page.getByText('1 inzending wacht op verbinding')).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/melding-queued.png`, fullPage: true });
	expect(await meldingenWith(pb, description)).toHaveLength(0);

	// The page's title says the same as its heading: it waits, it was not sent.
	await expect(page).toHaveTitle(/^Je melding wacht op verbinding · /);

	await goOnline(page, context);
	await expect(page.getByText(/Verstuurd om .*Meld een probleem: Testprobleem tom/)).toBeVisible({
		timeout: 20_000
	});
	const stored = await meldingenWith(pb, description);
	expect(stored).toHaveLength(1);
	expect(stored[0].category).toBe(category.id);
	expect(stored[0].address).toBe('Lakborslei 20, Deurne');
	// Its code, which the resident needs to follow it, is shown with a link to its status.
	const code = stored[0].code as string;
	await expect(page.getByText(`Je code is ${code}.`)).toBeVisible();
	const statusLink = page.getByRole('link', { name: `Bekijk je melding ${code}` });
	await expect(statusLink).toHaveAttribute('href', `/melding/${code}`);
	await page.screenshot({ path: `${SHOTS}/melding-sent.png`, fullPage: true });
	await expectNoAxeViolations(page, 'queued melding sent, with its code');
	// A reload and another "online" never send it again.
	await page.reload();
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(page.getByText('wachten op verbinding')).toHaveCount(0);
	expect(await meldingenWith(pb, description)).toHaveLength(1);
	// This phone keeps the code under "Volg je melding", like one sent at once.
	await page.goto('/melding');
	const kept = page.getByTestId('device-codes').getByRole('listitem').filter({ hasText: code });
	await expect(kept).toContainText(category.name.nl);
	await kept.getByRole('link', { name: code }).click();
	await expect(page).toHaveURL(new RegExp(`/melding/${code}$`));
	// Other walks list the categories: ours leaves the list again.
	await pb.collection('categories').update(category.id, { active: false });
});

test('a queued melding the server refuses is shown with its reason', async ({
	page,
	context,
	baseURL
}) => {
	const pb = await asSuperuser(baseURL!);
	const category = await testCategory(pb, 'refused');
	const description = `Kapotte bank ${Date.now()}`;
	await underServiceWorker(page, '/melden');
	// The list of kinds has arrived (with ours in it) before the connection goes.
	await expect(page.getByText(category.name.nl, { exact: true })).toBeVisible();

	await context.setOffline(true);
	await fileMelding(page, category.name.nl, description);
	await heading(page, 'Je melding wacht op verbinding');

	// Meanwhile the city stops taking this kind of melding.
	await pb.collection('categories').update(category.id, { active: false });
	await goOnline(page, context);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Niet aangenomen: Meld een probleem: Testprobleem refused');
	await expect(alert).toContainText('Deze soort probleem kan je intussen niet meer melden.');
	await page.screenshot({ path: `${SHOTS}/melding-refused.png`, fullPage: true });
	await expectNoAxeViolations(page, 'refused queued melding');
	expect(await meldingenWith(pb, description)).toHaveLength(0);
	await page.getByRole('button', { name: 'Begrepen, verwijder dit bericht' }).click();
	await expect(alert).toHaveCount(0);
});

test('a new version is announced politely and only applied when the resident accepts', async ({
	page,
	baseURL
}) => {
	const origin = await serverWithNewerBuilds(baseURL!);
	try {
		await underServiceWorker(page, `${origin.url}/melden`);
		await heading(page, 'Wat wil je melden?');
		const choice = page.getByRole('radio').first();
		await choice.check();
		await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

		origin.release();
		await page.evaluate(async () => {
			await (await navigator.serviceWorker.getRegistration())?.update();
		});
		await expect
			.poll(
				() =>
					page.evaluate(async () =>
						Boolean((await navigator.serviceWorker.getRegistration())?.waiting)
					),
				// It installs first: the new precache downloads what changed.
				{ timeout: 30_000 }
			)
			.toBe(true);
		const prompt = page.getByRole('region', { name: 'Er is een nieuwe versie van de app' });
		await expect(prompt).toBeVisible();
		// Nothing was reloaded: the half-filled form is as the resident left it.
		expect(
			await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)
		).toBe(true);
		await expect(choice).toBeChecked();
		await page.screenshot({ path: `${SHOTS}/update-prompt.png`, fullPage: true });
		await expectNoAxeViolations(page, 'update prompt');

		// "Later" hides it; the next visit asks again.
		await prompt.getByRole('button', { name: 'Later' }).click();
		await expect(prompt).toHaveCount(0);
		await page.reload();
		await expect(prompt).toBeVisible();

		await prompt.getByRole('button', { name: 'Nu vernieuwen' }).click();
		await expect(prompt).toHaveCount(0);
		await expect
			.poll(() =>
				page.evaluate(async () => {
					const registration = await navigator.serviceWorker.getRegistration();
					return Boolean(navigator.serviceWorker.controller && !registration?.waiting);
				})
			)
			.toBe(true);
		expect(
			await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)
		).toBeUndefined();
	} finally {
		await origin.close();
	}
});

/** Every Dutch message key: none may show on a page as its bare key. */
const MESSAGE_KEYS = readdirSync('web/lib/i18n/messages/nl')
	.filter((file) => file.endsWith('.json'))
	.flatMap((file) =>
		Object.keys(JSON.parse(readFileSync(`web/lib/i18n/messages/nl/${file}`, 'utf8')))
	);

/** Sums the layout shifts the page reports, from before its first paint. */
async function watchLayoutShift(page: Page): Promise<() => Promise<number>> {
	await page.addInitScript(() => {
		const w = window as unknown as { layoutShift: number };
		w.layoutShift = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as unknown as Array<{
				value: number;
				hadRecentInput: boolean;
			}>) {
				if (!entry.hadRecentInput) w.layoutShift += entry.value;
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
	return async () => {
		// Two frames: a shift from the last render is reported after it is painted.
		await page.evaluate(
			() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
		);
		return page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
	};
}

/** The home page, loaded until its surveys show and the service worker is registered. */
async function loadHome(page: Page): Promise<void> {
	await page.goto('/');
	await expect(page.getByTestId('open-surveys').getByRole('article').first()).toBeVisible();
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
}

const JS_BUDGET_BYTES = 60 * 1024;

// Lighthouse runs in English, most residents in Dutch: the budget holds in both.
for (const { locale, title } of [
	{ locale: 'nl-BE', title: 'Geef je mening' },
	{ locale: 'en-US', title: 'Give your opinion' }
]) {
	test.describe(`the home page on a phone (${locale})`, () => {
		test.use({ locale });

		test('first load: at most 60 kB of JavaScript as sent (gzip)', async ({ page }) => {
			const scripts: Response[] = [];
			page.on('response', (response) => {
				if (response.request().resourceType() === 'script') scripts.push(response);
			});
			await loadHome(page);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
			const files = await Promise.all(
				scripts.map(async (response) => ({
					path: new URL(response.url()).pathname,
					encoding: (await response.allHeaders())['content-encoding'],
					bytes: (await response.request().sizes()).responseBodySize
				}))
			);
			const list = files.map((file) => `${file.bytes} ${file.path}`).join('\n');
			// The server compresses the app's code (tiny files may go as they are).
			for (const file of files.filter((file) => file.bytes > 1024)) {
				expect(file.encoding, file.path).toBe('gzip');
			}
			const total = files.reduce((sum, file) => sum + file.bytes, 0);
			expect(total, `JavaScript of the first load:\n${list}`).toBeLessThanOrEqual(JS_BUDGET_BYTES);
			// Neither the PocketBase SDK nor another page's words come with it.
			for (const response of scripts) {
				const body = await response.text();
				expect(body, response.url()).not.toContain('ClientResponseError');
				expect(body, response.url()).not.toContain('meldingen.step.what.title');
			}
		});

		test('no layout shift while it loads, and no bare message key', async ({ page }) => {
			const layoutShift = await watchLayoutShift(page);
			await loadHome(page);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
			expect(await layoutShift()).toBeLessThan(0.01);
			const text = `${await page.title()}\n${await page.locator('body').innerText()}`;
			expect(MESSAGE_KEYS.filter((key) => text.includes(key))).toEqual([]);
			await page.screenshot({ path: `${SHOTS}/home-${locale}.png`, fullPage: true });

			// Another page brings its own words before it shows.
			await page
				.getByRole('link', { name: locale === 'nl-BE' ? 'Meld een probleem' : 'Report a problem' })
				.first()
				.click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				locale === 'nl-BE' ? 'Wat wil je melden?' : 'What do you want to report?'
			);
			const melden = `${await page.title()}\n${await page.locator('body').innerText()}`;
			expect(MESSAGE_KEYS.filter((key) => melden.includes(key))).toEqual([]);
		});
	});
}

test('a notice of the outbox is in the first paint: it does not push the home page down', async ({
	page
}) => {
	await page.goto('/');
	// A melding refused earlier waits for the resident to read it.
	await page.evaluate(
		() =>
			new Promise<void>((done, fail) => {
				const open = indexedDB.open('stadsstem-outbox', 1);
				open.onupgradeneeded = () =>
					open.result.createObjectStore('items', { keyPath: 'clientId' });
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const transaction = open.result.transaction('items', 'readwrite');
					transaction.objectStore('items').put({
						clientId: crypto.randomUUID(),
						collection: 'meldingen',
						body: {},
						label: 'Meld een probleem: Zwerfvuil',
						queuedAt: new Date().toISOString(),
						state: 'refused',
						reason: 'category_unknown'
					});
					transaction.oncomplete = () => done();
					transaction.onerror = () => fail(transaction.error);
				};
			})
	);
	const layoutShift = await watchLayoutShift(page);
	await loadHome(page);
	await expect(page.getByRole('alert')).toContainText(
		'Niet aangenomen: Meld een probleem: Zwerfvuil'
	);
	expect(await layoutShift()).toBeLessThan(0.01);
	await page.getByRole('button', { name: 'Begrepen, verwijder dit bericht' }).click();
	await expect(page.getByRole('alert')).toHaveCount(0);
});
