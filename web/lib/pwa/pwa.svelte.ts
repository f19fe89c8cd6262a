// The page's side of the service worker: registration with workbox-window, a
// flag for the polite update prompt, and applyWaitingUpdate() for whoever
// decides that now is a good moment (the resident's "refresh now", the kiosk
// at reset). Nothing here reloads the page on its own.
import { browser, dev } from '$app/environment';
import { base } from '$app/paths';
import type { Workbox } from 'workbox-window';

class PwaState {
	/** A new version is installed and waits for permission to take over. */
	updateReady = $state(false);
	/** The resident chose "later" for this version. */
	dismissed = $state(false);
}

export const pwa = new PwaState();

let workbox: Workbox | undefined;
let registering: Promise<Workbox | undefined> | undefined;

/** Registers the service worker once (production builds only; `vite dev` has none). */
export function registerServiceWorker(): Promise<Workbox | undefined> {
	if (!browser || dev || !('serviceWorker' in navigator)) return Promise.resolve(undefined);
	registering ??= (async () => {
		// After the page has loaded: the service worker's precache download must not
		// compete with the first screen on a slow connection. workbox-window is not
		// needed to show the page either.
		if (document.readyState !== 'complete') {
			await new Promise((loaded) => window.addEventListener('load', loaded, { once: true }));
		}
		const { Workbox } = await import('workbox-window');
		const wb = new Workbox(`${base}/service-worker.js`, { scope: `${base}/` });
		wb.addEventListener('waiting', () => {
			pwa.updateReady = true;
			pwa.dismissed = false;
		});
		await wb.register();
		workbox = wb;
		return wb;
	})().catch(() => undefined);
	return registering;
}

/**
 * Lets the waiting version take over and reloads into it once it controls the
 * page. Resolves false (and does nothing) when no update waits.
 */
export async function applyWaitingUpdate(): Promise<boolean> {
	const wb = workbox ?? (await registering);
	const registration = await navigator.serviceWorker?.getRegistration(`${base}/`);
	if (!wb || !registration?.waiting) return false;
	await new Promise<void>((done) => {
		navigator.serviceWorker.addEventListener('controllerchange', () => done(), { once: true });
		wb.messageSkipWaiting();
	});
	window.location.reload();
	return true;
}

/** True when an installed update waits (for the kiosk to check before a reset). */
export async function hasWaitingUpdate(): Promise<boolean> {
	if (!browser || !('serviceWorker' in navigator)) return false;
	const registration = await navigator.serviceWorker.getRegistration(`${base}/`);
	return Boolean(registration?.waiting);
}
