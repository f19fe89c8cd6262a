// Everything renders in the browser: PocketBase serves a static build with an
// index.html fallback, and all data comes from its API on the same origin.
import { browser } from '$app/environment';
import { locale } from '$lib/i18n/i18n.svelte';
import { outboxState } from '$lib/offline/outbox-state.svelte';
import type { LayoutLoad } from './$types';

export const ssr = false;
export const prerender = false;

// The page's words, in the resident's language, and what waits in the outbox
// are there before it renders: anything swapped in or added above the page
// after the first paint would move it (layout shift). The kiosk has no outbox.
export const load: LayoutLoad = async ({ route }) => {
	if (!browser) return;
	await Promise.all([
		locale.prepare(route.id),
		__STADSSTEM_VARIANT__ === 'citizen' ? outboxState.firstRead() : undefined
	]);
};
