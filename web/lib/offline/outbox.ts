// Sending what waits in the outbox (outbox-store.ts). A submission the
// server refuses stays visible with the reason: never silently dropped.
import { ClientResponseError } from 'pocketbase';
import { pb } from '$lib/api/pocketbase';
import { rememberCode } from '$lib/components/meldingen/device-codes';
import { outbox, type OutboxItem } from './outbox-store';

export { outbox, type OutboxItem };

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

export interface SentItem extends OutboxItem {
	/** A melding's tracking code, when the server's answer arrived. */
	code?: string;
}

export interface FlushResult {
	sent: SentItem[];
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
				const created = await pb.collection(item.collection).create(item.body);
				const code = item.collection === 'meldingen' ? String(created.code ?? '') : '';
				// Kept before the item leaves the outbox: the code is the resident's only way to follow it.
				if (code) rememberCode({ code, category: item.category ?? item.label, followed: false });
				await outbox.remove(item.clientId);
				result.sent.push(code ? { ...item, code } : item);
			} catch (error) {
				if (isNetworkFailure(error)) break;
				// A melding resent after a lost answer comes back with its code (the server
				// answers by clientId); this covers two sends racing each other.
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
