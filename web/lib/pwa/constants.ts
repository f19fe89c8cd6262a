// Shared by the service worker and the page. The kiosk clears every cache but
// Workbox's precache (`workbox-precache-*`) at reset: these are the runtime ones.
export const API_CACHE = 'stadsstem-api-v1';
export const FILES_CACHE = 'stadsstem-files-v1';
export const RUNTIME_CACHES = [API_CACHE, FILES_CACHE] as const;
/** The message workbox-window's messageSkipWaiting() sends. */
export const SKIP_WAITING = 'SKIP_WAITING';
