// The full reset between two residents. Each step removes one place where a
// browser keeps something of a person; the order puts the quick, certain steps
// first so that a slow one (IndexedDB) cannot leave the easy ones undone.
import { pb } from '$lib/api/pocketbase';
import { flush } from '$lib/journeys/emitter';
import { SKIP_WAITING } from '$lib/pwa/constants';
import { DEVICE_STORAGE_KEY } from './device';

/** Caches the service worker fills with the app shell; everything else may hold user data. */
export function isShellCache(name: string): boolean {
	return name.startsWith('workbox-precache');
}

export function clearWebStorage(): void {
	try {
		localStorage.clear();
	} catch {
		// Storage refused: nothing was stored either.
	}
	try {
		// The device's own configuration (its token) is the one thing that stays.
		const device = sessionStorage.getItem(DEVICE_STORAGE_KEY);
		sessionStorage.clear();
		if (device) sessionStorage.setItem(DEVICE_STORAGE_KEY, device);
	} catch {
		// As above.
	}
}

export function clearCookies(): void {
	const paths = ['/', '/kiosk', '/kiosk/', location.pathname];
	for (const cookie of document.cookie.split(';')) {
		const name = cookie.split('=')[0]?.trim();
		if (!name) continue;
		for (const path of paths) {
			document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}`;
		}
	}
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise((done) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = request.onerror = () => done();
		// Blocked by an open connection: it completes when the page unloads.
		request.onblocked = () => done();
	});
}

export async function clearIndexedDb(): Promise<void> {
	if (!('indexedDB' in window) || !indexedDB.databases) return;
	const databases = await indexedDB.databases();
	await Promise.all(databases.map((db) => (db.name ? deleteDatabase(db.name) : undefined)));
}

export async function clearCaches(): Promise<void> {
	if (!('caches' in window)) return;
	const names = await caches.keys();
	await Promise.all(names.filter((name) => !isShellCache(name)).map((name) => caches.delete(name)));
}

/** A waiting service worker takes over now, between residents, never mid-form. */
async function applyWaitingUpdate(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	const registration = await navigator.serviceWorker.getRegistration();
	const waiting = registration?.waiting;
	if (!waiting) return;
	const taken = new Promise<void>((done) =>
		navigator.serviceWorker.addEventListener('controllerchange', () => done(), { once: true })
	);
	waiting.postMessage({ type: SKIP_WAITING });
	await taken;
}

/** Notifications of the visit, and any push subscription a page made, go with it. */
export async function clearNotifications(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	const registration = await navigator.serviceWorker.getRegistration();
	if (!registration) return;
	for (const notification of await registration.getNotifications()) notification.close();
	const subscription = await registration.pushManager?.getSubscription().catch(() => null);
	await subscription?.unsubscribe();
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | void> {
	return Promise.race([promise, new Promise<void>((done) => setTimeout(done, ms))]);
}

/** Everything but the navigation: also run at start after a reset, for what a page held open. */
export async function wipe(): Promise<void> {
	// Journey events of this visit go out first; they hold no personal data.
	void flush({ keepalive: true }).catch(() => undefined);
	if ('speechSynthesis' in window) speechSynthesis.cancel();
	for (const dialog of document.querySelectorAll('dialog[open]'))
		(dialog as HTMLDialogElement).close();
	pb.authStore.clear();
	pb.realtime.unsubscribe().catch(() => undefined);
	clearWebStorage();
	clearCookies();
	await within(
		Promise.allSettled([
			clearIndexedDb(),
			clearCaches(),
			clearNotifications(),
			applyWaitingUpdate()
		]),
		2000
	);
	// A page may have written again while we waited.
	clearWebStorage();
}
