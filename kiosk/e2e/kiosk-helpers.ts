// Helpers for the kiosk walks: a registered kiosk, opening it as the launcher
// does, the two walks (a survey and a melding), and the look at every place
// where a browser can keep something of a person.
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import QRCode from 'qrcode';
import { registerKiosk, type RegisteredKiosk } from '../../cli/kiosk/kiosk.ts';

const BASE_URL = `http://127.0.0.1:${process.env.STADSSTEM_E2E_PORT}`;

export const SHOTS = process.env.STADSSTEM_SCREENSHOTS ?? 'test-results/kiosk-screens';

export async function asSuperuser(baseURL: string): Promise<PocketBase> {
	const pb = new PocketBase(baseURL);
	pb.autoCancellation(false);
	const { email, password } = JSON.parse(process.env.STADSSTEM_E2E_SUPERUSER ?? '{}');
	await pb.collection('_superusers').authWithPassword(email, password);
	return pb;
}

/** A fresh kiosk as `stadsstem kiosk register` makes it. */
export async function newKiosk(baseURL: string): Promise<RegisteredKiosk> {
	const pb = await asSuperuser(baseURL);
	return registerKiosk(pb, `e2e-${crypto.randomUUID().slice(0, 8)}`, 'Bibliotheek Permeke');
}

/**
 * Opens the kiosk the way kiosk/launch does: the token (and, here, a short
 * idle time) in the fragment of the first address. The page clock is
 * installed so a test can skip the idle minutes without waiting for them.
 */
export async function openKiosk(
	page: Page,
	kiosk: RegisteredKiosk | null,
	options: { idle?: number; assistedIdle?: number } = {}
): Promise<void> {
	await page.clock.install();
	const fragment = new URLSearchParams();
	if (kiosk) fragment.set('kiosk', kiosk.token);
	fragment.set('idle', String(options.idle ?? 60));
	fragment.set('assistedIdle', String(options.assistedIdle ?? 180));
	// As the first entry of the tab, the way Chromium's --app starts it (page.goto
	// would keep Playwright's about:blank behind it in the history).
	const url = `${BASE_URL}/kiosk/#${fragment}`;
	await page.evaluate((address) => location.replace(address), url);
	await page.waitForURL(/\/kiosk\//);
	await expect(page.getByTestId('kiosk-start')).toBeVisible();
	// The token left the address at once.
	expect(page.url()).not.toContain('#');
}

export async function heading(page: Page, name: string | RegExp): Promise<void> {
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

const next = (page: Page) => page.getByRole('button', { name: 'Volgende' }).click();

/** From the start screen to the crossroads survey's first page. */
export async function openCrossroadsSurvey(page: Page): Promise<void> {
	await page.getByTestId('tile-opinion').click();
	await page.getByRole('link', { name: /rondpunt of verkeerslichten/ }).click();
}

/** The crossroads survey, answered by touch; `marker` is text only this walk typed. */
export async function answerCrossroadsSurvey(page: Page, marker: string): Promise<void> {
	await page.getByRole('button', { name: 'Start de bevraging' }).click();
	await heading(page, 'De twee plannen');
	await next(page);
	await page.getByRole('radio', { name: 'Ja' }).check();
	await next(page);
	await page.getByRole('checkbox', { name: 'Met de fiets' }).check();
	await next(page);
	await page.getByRole('radio', { name: /^2/ }).check();
	await next(page);
	await page.getByRole('radio', { name: 'Plan A: een rondpunt' }).check();
	await next(page);
	await page
		.getByRole('textbox', { name: /Waarom kies je dit plan/ })
		.fill(`Veiliger voor voetgangers ${marker}`);
	await next(page);
	await next(page);
	await next(page);
	await heading(page, 'Controleer je antwoorden');
}

/** In assisted mode: the resident agrees that the helper fills this form in. */
export async function giveConsent(page: Page): Promise<void> {
	const consent = page.getByRole('dialog', { name: 'Toestemming van de bewoner' });
	await expect(consent).toBeVisible();
	await consent.getByRole('button', { name: 'De bewoner geeft toestemming' }).click();
	await expect(consent).toBeHidden();
}

/**
 * A melding about a broken street light, by touch, up to the code and its QR;
 * `consent`: assisted mode asks the resident's consent first.
 */
export async function fileStreetLightMelding(
	page: Page,
	marker: string,
	options: { consent?: boolean } = {}
): Promise<string> {
	await page.getByTestId('tile-report').click();
	if (options.consent) await giveConsent(page);
	await heading(page, 'Wat wil je melden?');
	await page.getByText('Straatverlichting', { exact: true }).click();
	await page.getByRole('button', { name: 'Verder' }).click();
	if (await page.getByRole('heading', { level: 1, name: 'Nog een paar vragen' }).isVisible()) {
		await page.getByRole('radio').first().check();
		await page.getByRole('button', { name: 'Verder' }).click();
	}
	await heading(page, 'Waar is het probleem?');
	await page.getByTestId('map').click();
	await expect(page.locator('#map-chosen')).toContainText('Je koos een plek in');
	await page.getByRole('button', { name: 'Verder' }).click();
	// Someone may have reported a light near the same spot: this is a new one.
	await expect(
		page.getByRole('heading', { level: 1, name: /Beschrijf het probleem|Is dit hetzelfde/ })
	).toBeVisible();
	if (await page.getByRole('heading', { level: 1, name: 'Is dit hetzelfde probleem?' }).isVisible())
		await page.getByRole('button', { name: 'Nee, ik meld een nieuw probleem' }).click();
	await heading(page, 'Beschrijf het probleem');
	await page.getByLabel('Wat is er aan de hand?').fill(`De lamp is stuk ${marker}`);
	await page.getByRole('button', { name: 'Verder' }).click();
	await heading(page, 'Wil je updates per e-mail?');
	await page.getByRole('button', { name: 'Verder' }).click();
	await heading(page, 'Controleer je melding');
	await page.getByRole('button', { name: 'Verstuur melding' }).click();
	await heading(page, 'Je melding is verstuurd');
	const code = (await page.getByTestId('melding-code').getAttribute('data-code')) ?? '';
	expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
	return code;
}

/**
 * Writes something of a person into every store a page could use, as a
 * third-party script or a future feature might, so the reset has work to do:
 * a cookie, an IndexedDB database, a user-data cache, and a shell cache that
 * must survive.
 */
export async function plantTraces(page: Page, marker: string): Promise<void> {
	await page.context().grantPermissions(['notifications']);
	await page.evaluate(async (marker) => {
		const registration = await navigator.serviceWorker.ready;
		await registration.showNotification(`Melding ${marker}`, { body: marker, tag: marker });
		document.cookie = `kiosk-test=${marker}; path=/`;
		await new Promise<void>((done, fail) => {
			const request = indexedDB.open(`user-${marker}`, 1);
			request.onupgradeneeded = () => request.result.createObjectStore('answers');
			request.onsuccess = () => {
				const db = request.result;
				const tx = db.transaction('answers', 'readwrite');
				tx.objectStore('answers').put(marker, 'last');
				tx.oncomplete = () => {
					db.close();
					done();
				};
			};
			request.onerror = () => fail(request.error);
		});
		const userCache = await caches.open('api-responses');
		await userCache.put('/kiosk/__user', new Response(marker));
		const shell = await caches.open('workbox-precache-v2-kiosk-test');
		await shell.put('/kiosk/__shell', new Response('app shell'));
		sessionStorage.setItem('kiosk-test', marker);
	}, marker);
}

export interface Traces {
	localStorage: string[];
	sessionStorage: string[];
	indexedDb: string[];
	caches: string[];
	cookies: string[];
	notifications: string[];
	historyLength: number;
	text: string;
}

/** Every place where a previous resident could show, one by one. */
export async function traces(page: Page, context: BrowserContext): Promise<Traces> {
	const inPage = await page.evaluate(async () => ({
		localStorage: Object.keys(localStorage),
		sessionStorage: Object.keys(sessionStorage).filter((key) => key !== 'stadsstem.kiosk.device'),
		indexedDb: (await indexedDB.databases()).map((db) => db.name ?? ''),
		caches: await caches.keys(),
		notifications: (
			(await (await navigator.serviceWorker.getRegistration())?.getNotifications()) ?? []
		).map((notification) => notification.title),
		historyLength: history.length,
		text: document.documentElement.innerText + document.documentElement.innerHTML
	}));
	const cookies = (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`);
	return { ...inPage, cookies };
}

export async function expectNoTrace(
	page: Page,
	context: BrowserContext,
	marks: string[]
): Promise<void> {
	await expect(page.getByTestId('kiosk-start')).toBeVisible();
	await expect(page).toHaveURL(/\/kiosk\/$/);
	// IndexedDB deletion finishes in the background; give it its moment.
	await expect
		.poll(async () => (await traces(page, context)).indexedDb, { message: 'IndexedDB' })
		.toEqual([]);
	const found = await traces(page, context);
	expect(found.localStorage, 'localStorage').toEqual([]);
	expect(found.sessionStorage, 'sessionStorage (besides the device token)').toEqual([]);
	// The service worker's precache (the app shell) stays; nothing else does.
	expect(
		found.caches.filter((name) => !name.startsWith('workbox-precache')),
		'caches other than the app shell'
	).toEqual([]);
	expect(found.caches, 'the app shell cache').toContain('workbox-precache-v2-kiosk-test');
	expect(found.cookies, 'cookies').toEqual([]);
	expect(found.notifications, 'notifications').toEqual([]);
	expect(found.historyLength, 'history').toBe(1);
	for (const mark of marks) expect(found.text, `the page shows ${mark}`).not.toContain(mark);
	// Back leads nowhere: the start screen stays.
	await page.goBack();
	await expect(page).toHaveURL(/\/kiosk\/$/);
	await expect(page.getByTestId('kiosk-start')).toBeVisible();
	expect(await page.evaluate(() => speechSynthesis.speaking)).toBe(false);
	expect(await page.locator('dialog[open]').count(), 'open dialogs').toBe(0);
}

/**
 * The QR code in `qr` (a QrCode component) encodes exactly `url`: its modules
 * are drawn with the same library from the address, so the dark paths match
 * one to one only for the same text.
 */
export async function expectQrOf(qr: Locator, url: string): Promise<void> {
	const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	const expected = [...svg.matchAll(/ d="([^"]+)"/g)].map((match) => match[1]);
	expect(expected.length).toBeGreaterThan(0);
	await expect
		.poll(() =>
			qr.locator('svg path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')))
		)
		.toEqual(expected);
}
