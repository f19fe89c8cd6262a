// Journey events (DESIGN.md §7) on their way to the server: collected in
// batches, sent to the same origin through PocketBase's batch API, and in the
// citizen build kept in a small IndexedDB of their own while offline (never in
// the resident's outbox list). Nothing here may ever block or fail the resident.
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
	/** Local only, to remove a sent event from storage; never sent. */
	key: string;
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

async function store(work: (events: IDBObjectStore) => IDBRequest): Promise<unknown> {
	if (!persistent) return undefined;
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

const forget = (sent: Pending[]) =>
	Promise.all(sent.map((event) => store((events) => events.delete(event.key))));

/** Events an earlier visit could not send (offline, closed tab) join the queue once. */
let restored: Promise<void> | undefined;
function restore(): Promise<void> {
	restored ??= (async () => {
		const saved = (await store((events) => events.getAll())) as Pending[] | undefined;
		const known = new Set(pending.map((event) => event.key));
		for (const event of saved ?? []) if (!known.has(event.key)) pending.push(event);
	})();
	return restored;
}

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
	const item: Pending = { ...event, key: crypto.randomUUID() };
	pending.push(item);
	void store((events) => events.put(item));
	if (!timer) schedule(Math.max(FLUSH_AFTER_MS, backoffMs));
}

/** After a step change: send shortly, so a resident who leaves now is still counted. */
export function flushSoon(): void {
	if (backoffMs === 0) schedule(SOON_MS);
}

function requestBody(batch: Pending[]) {
	return {
		requests: batch.map(({ key: _key, ...event }) => ({
			method: 'POST',
			url: '/api/collections/journey_events/records',
			body: event
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

/** Sends what is waiting, batch by batch; concurrent calls share one run. */
export function flush(options: { keepalive?: boolean } = {}): Promise<void> {
	flushing ??= (async () => {
		await restore();
		while (pending.length) {
			const next = pending.slice(0, MAX_BATCH);
			try {
				await pb.send('/api/batch', {
					method: 'POST',
					body: requestBody(next),
					keepalive: options.keepalive,
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
				schedule(backoffMs);
				break;
			}
		}
	})()
		.catch(() => undefined)
		.finally(() => (flushing = undefined));
	return flushing;
}

function drop(sent: Pending[]) {
	const gone = new Set(sent);
	pending = pending.filter((event) => !gone.has(event));
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
	const leave = () => {
		if (navigator.onLine !== false) void flush({ keepalive: true });
	};
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
