/// <reference lib="webworker" />
// The service worker of both builds (citizen at /, kiosk at /kiosk/). It keeps
// the app shell precached so the app opens without a connection, keeps the
// last answer of the public reads a resident has seen (surveys, decisions,
// categories) for when the tram is in the tunnel, and never stores what is
// sent (POSTs) or anything a logged-in staff member reads.
import { clientsClaim } from 'workbox-core';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types';
import { API_CACHE, FILES_CACHE, SKIP_WAITING } from './lib/pwa/constants';

declare const self: ServiceWorkerGlobalScope & {
	__WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

const scope = new URL(self.registration.scope);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every page of the SPA is the same shell; the citizen worker (scope /) must
// leave the kiosk's pages, the API and PocketBase's dashboard to the network.
registerRoute(
	new NavigationRoute(createHandlerBoundToURL('index.html'), {
		denylist: [
			/^\/api\//,
			/^\/_\//,
			/^\/open311\//,
			...(scope.pathname === '/' ? [/^\/kiosk(\/|$)/] : [])
		]
	})
);

/** Public reads whose last answer stays useful offline. */
const CACHED_READS = [
	/^\/api\/collections\/(surveys|decisions|decision_revisions|categories)\/records(\/|$|\?)/,
	/^\/api\/stadsstem\/decisions(\/|$)/,
	/^\/api\/stadsstem\/map$/,
	/^\/api\/stadsstem\/surveys\/[^/]+\/results$/
];

/** Only plain, anonymous, successful answers are kept: never a staff member's view. */
const anonymousOnly: WorkboxPlugin = {
	cacheWillUpdate: async ({ request, response }) =>
		request.headers.has('Authorization') || response.status !== 200 ? null : response
};

// The kiosk keeps nothing of a visit on the shared device: it caches only its
// app shell, and without a connection it asks the resident to fetch a helper.
if (!scope.pathname.startsWith('/kiosk')) {
	registerRoute(
		({ request, url, sameOrigin }) =>
			sameOrigin &&
			request.method === 'GET' &&
			!request.headers.has('Authorization') &&
			CACHED_READS.some((pattern) => pattern.test(url.pathname)),
		// Fresh when the network answers within a few seconds (weak 4G), else the
		// last answer seen; offline (no network at all) falls back at once.
		new NetworkFirst({ cacheName: API_CACHE, networkTimeoutSeconds: 4, plugins: [anonymousOnly] }),
		'GET'
	);

	// Public files (photos of decisions, category icons) never change under their name.
	registerRoute(
		({ request, url, sameOrigin }) =>
			sameOrigin &&
			request.method === 'GET' &&
			!request.headers.has('Authorization') &&
			!url.searchParams.has('token') &&
			url.pathname.startsWith('/api/files/') &&
			!url.pathname.startsWith('/api/files/meldingen/'),
		new CacheFirst({ cacheName: FILES_CACHE, plugins: [anonymousOnly] }),
		'GET'
	);
}

// A new version waits until the resident accepts the prompt (or the kiosk
// resets): a page is never swapped underneath a half-filled form.
self.addEventListener('message', (event) => {
	if (event.data?.type === SKIP_WAITING) void self.skipWaiting();
});

clientsClaim();
