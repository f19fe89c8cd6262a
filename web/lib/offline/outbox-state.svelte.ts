// What the resident sees of the outbox: what waits, what went and when (with a
// melding's code), and what the server refused and why. Flushes when the
// connection returns.
import { browser } from '$app/environment';
import { outbox, type OutboxItem } from './outbox-store';
import type { SentItem } from './outbox';

const MIN_RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;

class OutboxState {
	items = $state<OutboxItem[]>([]);
	/** Items sent in this visit, with the time they went. */
	sent = $state<Array<{ item: SentItem; at: Date }>>([]);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#delay = MIN_RETRY_MS;

	#firstRead: Promise<void> | undefined;

	async refresh(): Promise<void> {
		this.items = await outbox.list();
	}

	/**
	 * The first read, awaited before the first page renders: what waits is in
	 * the first paint instead of pushing the page down after it. A storage that
	 * refuses (private browsing) never stops the page.
	 */
	firstRead(): Promise<void> {
		this.#firstRead ??= this.refresh().catch(() => {});
		return this.#firstRead;
	}

	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		// The sending code (and the PocketBase SDK) loads only when something waits.
		if (navigator.onLine) await this.refresh();
		if (navigator.onLine && this.items.some((item) => item.state === 'waiting')) {
			const { flushOutbox } = await import('./outbox');
			const result = await flushOutbox();
			const at = new Date();
			// Two triggers (timer and online event) can share one flush and see the same result.
			const fresh = result.sent.filter(
				(item) => !this.sent.some((s) => s.item.clientId === item.clientId)
			);
			this.sent = [...this.sent, ...fresh.map((item) => ({ item, at }))];
			await this.refresh();
			if (result.sent.length || result.refused.length) this.#delay = MIN_RETRY_MS;
		}
		this.#scheduleRetry();
	}

	/** While something waits, try again soon, then less often (2 s doubling to 30 s). */
	#scheduleRetry(): void {
		if (!this.items.some((item) => item.state === 'waiting')) {
			this.#delay = MIN_RETRY_MS;
			return;
		}
		this.#timer = setTimeout(() => void this.flush(), this.#delay);
		this.#delay = Math.min(this.#delay * 2, MAX_RETRY_MS);
	}

	async add(item: OutboxItem): Promise<void> {
		await outbox.put(item);
		await this.refresh();
		this.#delay = MIN_RETRY_MS;
		clearTimeout(this.#timer);
		this.#scheduleRetry();
	}

	async dismiss(clientId: string): Promise<void> {
		await outbox.remove(clientId);
		await this.refresh();
	}

	/** Starts watching the connection; `online` events are unreliable, so it also retries on a timer. */
	start(): () => void {
		const retry = () => {
			this.#delay = MIN_RETRY_MS;
			void this.flush();
		};
		window.addEventListener('online', retry);
		void this.firstRead().then(retry);
		return () => {
			window.removeEventListener('online', retry);
			clearTimeout(this.#timer);
		};
	}
}

export const outboxState = browser ? new OutboxState() : (undefined as unknown as OutboxState);
