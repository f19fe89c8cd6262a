// Submissions made without a connection wait here (IndexedDB) until the
// server answers. Each carries its clientId, so sending twice counts once.
// Kept apart from the sending (outbox.ts): the layout lists what waits on
// every page, and the PocketBase SDK is only needed when something is sent.

export interface OutboxItem {
	clientId: string;
	collection: 'responses' | 'meldingen';
	body: Record<string, unknown>;
	/** What the resident sees in the list of waiting items, e.g. the survey title. */
	label: string;
	/** A melding's category as the resident chose it: kept with its code on this device. */
	category?: string;
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
