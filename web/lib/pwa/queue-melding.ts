// A melding filed without a connection (Tom in the tunnel) waits in the same
// outbox as survey answers and goes when the connection returns. Its clientId
// is the one the send attempt used, so a resend never files it twice.
import { outboxState } from '$lib/offline/outbox-state.svelte';
import { isNetworkFailure } from '$lib/offline/outbox';

export interface MeldingDraft {
	clientId: string;
	category: string;
	description: string;
	address: string;
	location: { lat: number; lon: number } | null;
	email: string;
	extra: Record<string, string | boolean>;
	channel: 'web' | 'app';
	language: string;
	photos: { blob: Blob; name: string }[];
	/** What the resident sees in the list of waiting items. */
	label: string;
	/** The category's name as the resident saw it, kept with the code once it went. */
	categoryName?: string;
}

/**
 * Queues the melding when `error` says the request never reached the server
 * (citizen app only: the kiosk keeps nothing on a shared device). Returns
 * whether it was queued; any other error is the caller's to show.
 */
export async function queueMeldingIfOffline(error: unknown, draft: MeldingDraft): Promise<boolean> {
	if (__STADSSTEM_VARIANT__ !== 'citizen' || !isNetworkFailure(error)) return false;
	const { label, categoryName, photos, location, ...fields } = draft;
	await outboxState.add({
		clientId: draft.clientId,
		collection: 'meldingen',
		body: {
			...fields,
			...(location ? { location } : {}),
			// Files keep their names; IndexedDB stores them as they are.
			photos: photos.map((photo) => new File([photo.blob], photo.name, { type: photo.blob.type }))
		},
		label,
		category: categoryName,
		queuedAt: new Date().toISOString(),
		state: 'waiting'
	});
	return true;
}
