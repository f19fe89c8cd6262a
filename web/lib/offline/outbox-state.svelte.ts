// What the resident sees of the outbox: what waits, what went and when, and
// what the server refused and why. Flushes when the connection returns.
import { browser } from '$app/environment';
import { flushOutbox, outbox, type OutboxItem } from './outbox';

class OutboxState {
	items = $state<OutboxItem[]>([]);
	/** Items sent in this visit, with the time they went. */
	sent = $state<Array<{ item: OutboxItem; at: Date }>>([]);
	#timer: ReturnType<typeof setInterval> | undefined;

	async refresh(): Promise<void> {
		this.items = await outbox.list();
	}

	async flush(): Promise<void> {
		if (!navigator.onLine) return;
		const result = await flushOutbox();
		const at = new Date();
		this.sent = [...this.sent, ...result.sent.map((item) => ({ item, at }))];
		await this.refresh();
	}

	async add(item: OutboxItem): Promise<void> {
		await outbox.put(item);
		await this.refresh();
	}

	async dismiss(clientId: string): Promise<void> {
		await outbox.remove(clientId);
		await this.refresh();
	}

	/** Starts watching the connection; `online` events are unreliable, so it also retries now and then. */
	start(): () => void {
		const retry = () => void this.flush();
		window.addEventListener('online', retry);
		this.#timer = setInterval(() => {
			if (this.items.some((item) => item.state === 'waiting')) retry();
		}, 15_000);
		void this.refresh().then(retry);
		return () => {
			window.removeEventListener('online', retry);
			clearInterval(this.#timer);
		};
	}
}

export const outboxState = browser ? new OutboxState() : (undefined as unknown as OutboxState);
