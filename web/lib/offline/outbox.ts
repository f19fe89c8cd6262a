// Submissions made without a connection wait here (IndexedDB) until the
// server answers. Each carries its clientId, so sending twice counts once.
// A submission the server refuses stays visible with the reason: never
// silently dropped.
import { ClientResponseError } from 'pocketbase';
import { pb } from '$lib/api/pocketbase';

export interface OutboxItem {
	clientId: string;
	collection: 'responses' | 'meldingen';
	body: Record<string, unknown>;
	/** What the resident sees in the list of waiting items, e.g. the survey title. */
	label: string;
	queuedAt: string;
	state: 'waiting' | 'refused';
	/** The server's reason when refused. */
	reason?: string;
}

const DB_NAME = 'stadsstem-outbox';
const STORE = 'items';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () =>
			request.result.createObjectStore(STORE, { keyPath: 'clientId' });
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

async function transact<T>(
	mode: IDBTransactionMode,
	work: (store: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const request = work(db.transaction(STORE, mode).objectStore(STORE));
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
	} finally {
		db.close();
	}
}

/**
 * Bodies are JSON by nature; the round trip also drops anything IndexedDB
 * cannot clone. Files (a melding's photos) are kept as they are: IndexedDB
 * stores Blobs.
 */
function storable(item: OutboxItem): OutboxItem {
	const copy = JSON.parse(JSON.stringify(item)) as OutboxItem;
	for (const [key, value] of Object.entries(item.body)) {
		const list = Array.isArray(value) ? value : [value];
		if (list.length > 0 && list.every((entry) => entry instanceof Blob)) copy.body[key] = value;
	}
	return copy;
}

export const outbox = {
	put: (item: OutboxItem) => transact('readwrite', (store) => store.put(storable(item))),
	remove: (clientId: string) => transact('readwrite', (store) => store.delete(clientId)),
	list: () => transact<OutboxItem[]>('readonly', (store) => store.getAll())
};

/** True when the request never reached the server (offline, DNS, dropped connection). */
export function isNetworkFailure(error: unknown): boolean {
	return error instanceof ClientResponseError ? error.status === 0 : error instanceof TypeError;
}

/** A short reason from the server's answer, for the resident. */
export function refusalReason(error: unknown): string {
	if (error instanceof ClientResponseError) {
		const data = error.response?.data as Record<string, { code?: string }> | undefined;
		const code = data && Object.values(data).find((field) => field?.code)?.code;
		return code ?? error.message;
	}
	return String(error);
}

/** A unique-index refusal of the clientId: this submission is already on the server. */
function alreadyArrived(error: unknown): boolean {
	const data = error instanceof ClientResponseError ? error.response?.data : undefined;
	return (
		(data as { clientId?: { code?: string } } | undefined)?.clientId?.code ===
		'validation_not_unique'
	);
}

export interface FlushResult {
	sent: OutboxItem[];
	refused: OutboxItem[];
}

let flushing: Promise<FlushResult> | undefined;

/** Sends every waiting item once; concurrent calls share one run. */
export function flushOutbox(): Promise<FlushResult> {
	flushing ??= (async () => {
		const result: FlushResult = { sent: [], refused: [] };
		for (const item of await outbox.list()) {
			if (item.state !== 'waiting') continue;
			try {
				await pb.collection(item.collection).create(item.body);
				await outbox.remove(item.clientId);
				result.sent.push(item);
			} catch (error) {
				if (isNetworkFailure(error)) break;
				// The first attempt arrived but its answer was lost: the clientId is taken by it.
				if (alreadyArrived(error)) {
					await outbox.remove(item.clientId);
					result.sent.push(item);
					continue;
				}
				const refused = { ...item, state: 'refused' as const, reason: refusalReason(error) };
				await outbox.put(refused);
				result.refused.push(refused);
			}
		}
		return result;
	})().finally(() => (flushing = undefined));
	return flushing;
}
