// Journey events (DESIGN.md §7) on their way to the server: collected in
// batches, sent to the same origin through PocketBase's batch API with
// keepalive (a request under way survives leaving the page), and in the citizen
// build kept in a small IndexedDB of their own only while they cannot be sent
// (never in the resident's outbox list). Nothing here may block the resident.
import { ClientResponseError } from 'pocketbase';
import { pb } from '$lib/api/pocketbase';

export type JourneyEventType = 'start' | 'step' | 'error' | 'complete';

/** Exactly the fields the server accepts: codes only, no text, no person. */
export interface JourneyEvent {
	journeyId: string;
	process: string;
	step: string;
	type: JourneyEventType;
	at: string;
	channel: 'web' | 'app' | 'kiosk';
	language: string;
	detail?: string;
}

interface Pending extends JourneyEvent {
	/**
	 * The event's own random id: the key in storage, and the record id on the server, so that an
	 * event sent twice (the page left before it heard the answer, and the next visit sends what
	 * is still stored) is kept once.
	 */
	key: string;
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const EVENT_ID = /^[a-z0-9]{15}$/;

/** 15 random letters and digits, the form of a PocketBase record id. */
function eventId(): string {
	return Array.from(crypto.getRandomValues(new Uint8Array(15)), (byte) => ID_CHARS[byte % 36]).join(
		''
	);
}

/** PocketBase's batch API takes at most this many requests (settings migration). */
export const MAX_BATCH = 50;
const FLUSH_AFTER_MS = 5_000;
const SOON_MS = 800;
const MAX_BACKOFF_MS = 5 * 60_000;
const DB_NAME = 'stadsstem-journeys';
const STORE = 'events';

// The kiosk keeps nothing on the device between residents: memory only.
const persistent = typeof indexedDB !== 'undefined' && __STADSSTEM_VARIANT__ !== 'kiosk';

let pending: Pending[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let flushing: Promise<void> | undefined;
let backoffMs = 0;

function openDb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

// One operation at a time, in order: a delete must never overtake the put of the same event,
// or a sent event would stay behind and go again at the next visit.
let chain: Promise<unknown> = Promise.resolve();

function store(work: (events: IDBObjectStore) => IDBRequest): Promise<unknown> {
	if (!persistent) return Promise.resolve(undefined);
	const run = chain.then(() => runInStore(work));
	chain = run.catch(() => undefined);
	return run;
}

async function runInStore(work: (events: IDBObjectStore) => IDBRequest): Promise<unknown> {
	try {
		const db = await openDb();
		try {
			return await new Promise((resolve, reject) => {
				const request = work(db.transaction(STORE, 'readwrite').objectStore(STORE));
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		} finally {
			db.close();
		}
	} catch {
		// Private mode or a full disk: the events live in memory only.
		return undefined;
	}
}

/** Keys of the events that are in IndexedDB now. */
const persisted = new Set<string>();

/** Offline or refused for now: keep what waits, so that closing the tab loses nothing. */
function persist(events: Pending[]) {
	for (const event of events) {
		if (persisted.has(event.key)) continue;
		persisted.add(event.key);
		void store((saved) => saved.put(event));
	}
}

function forget(sent: Pending[]) {
	for (const event of sent) {
		if (!persisted.delete(event.key)) continue;
		void store((saved) => saved.delete(event.key));
	}
}

/** Events an earlier visit could not send join the queue once, at the first flush. */
let restored: Promise<void> | undefined;
function restore(): Promise<void> {
	restored ??= (async () => {
		const saved = (await store((events) => events.getAll())) as Pending[] | undefined;
		const known = new Set(pending.map((event) => event.key));
		for (const event of saved ?? []) {
			persisted.add(event.key);
			if (!known.has(event.key)) pending.push(event);
		}
	})();
	return restored;
}

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

function schedule(delay: number) {
	if (typeof window === 'undefined') return;
	if (timer) clearTimeout(timer);
	timer = setTimeout(() => {
		timer = undefined;
		void flush();
	}, delay);
}

/** Queues one event; it goes with the next batch. */
export function enqueue(event: JourneyEvent): void {
	const item: Pending = { ...event, key: eventId() };
	pending.push(item);
	if (backoffMs > 0 || offline()) persist([item]);
	if (!timer) schedule(Math.max(FLUSH_AFTER_MS, backoffMs));
}

/** After a step change: send shortly, so a resident who leaves now is still counted. */
export function flushSoon(): void {
	if (backoffMs === 0) schedule(SOON_MS);
}

function requestBody(batch: Pending[]) {
	return {
		requests: batch.map(({ key, ...event }) => ({
			method: 'POST',
			url: '/api/collections/journey_events/records',
			// Events stored by an older version have another kind of key: they go without an id.
			body: EVENT_ID.test(key) ? { id: key, ...event } : event
		}))
	};
}

/** Indexes of the events the server refused in a failed batch. */
function refusedIndexes(error: ClientResponseError, size: number): number[] {
	const requests = (error.response?.data as { requests?: Record<string, unknown> })?.requests;
	const indexes = Object.keys(requests ?? {})
		.map(Number)
		.filter((index) => index >= 0 && index < size);
	// Without a pointer to the culprit, drop the batch rather than retry it forever.
	return indexes.length ? indexes : batch(size);
}

const batch = (size: number) => Array.from({ length: size }, (_, index) => index);

/** Events being sent by the regular flush right now. */
const inFlight = new Set<Pending>();

/**
 * The page is going away: what is not already on its way leaves now with keepalive requests, and
 * is forgotten at once, because this page will not live to hear the answer (and the next visit
 * must not send it twice).
 */
function flushOnLeave(): void {
	if (offline()) return persist(pending);
	const leaving = pending.filter((event) => !inFlight.has(event));
	if (!leaving.length) return;
	drop(leaving);
	for (let i = 0; i < leaving.length; i += MAX_BATCH) {
		pb.send('/api/batch', {
			method: 'POST',
			body: requestBody(leaving.slice(i, i + MAX_BATCH)),
			keepalive: true,
			requestKey: null
		}).catch(() => undefined);
	}
}

/** Sends what is waiting, batch by batch; concurrent calls share one run. */
export function flush(options: { keepalive?: boolean } = {}): Promise<void> {
	if (options.keepalive) {
		flushOnLeave();
		return Promise.resolve();
	}
	flushing ??= (async () => {
		await restore();
		while (pending.length) {
			const next = pending.slice(0, MAX_BATCH);
			for (const event of next) inFlight.add(event);
			try {
				await pb.send('/api/batch', {
					method: 'POST',
					body: requestBody(next),
					keepalive: true,
					requestKey: null
				});
				backoffMs = 0;
				drop(next);
			} catch (error) {
				const status = error instanceof ClientResponseError ? error.status : 0;
				if (status === 400) {
					// Our own bug, not the resident's: leave out what the server refused, send the rest.
					drop(refusedIndexes(error as ClientResponseError, next.length).map((i) => next[i]));
					continue;
				}
				// Offline, rate-limited or the server is down: try again later, less often.
				backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs ? backoffMs * 2 : FLUSH_AFTER_MS);
				persist(pending);
				schedule(backoffMs);
				break;
			} finally {
				for (const event of next) inFlight.delete(event);
			}
		}
	})()
		.catch(() => undefined)
		.finally(() => (flushing = undefined));
	return flushing;
}

function drop(sent: Pending[]) {
	const leaving = new Set(sent);
	pending = pending.filter((event) => !leaving.has(event));
	void forget(sent);
}

/** Events waiting in this tab (for tests and the kiosk reset). */
export function waiting(): readonly JourneyEvent[] {
	return pending;
}

/**
 * When the page goes away, what is waiting leaves with a keepalive request. Offline, it stays in
 * IndexedDB for the next visit.
 */
if (typeof window !== 'undefined') {
	const leave = () => void flush({ keepalive: true });
	window.addEventListener('pagehide', leave);
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'hidden') leave();
	});
	window.addEventListener('online', () => {
		backoffMs = 0;
		void flush();
	});
	// Anything left from an earlier visit goes as soon as the app has started.
	if (persistent) schedule(FLUSH_AFTER_MS);
}
