// One PocketBase client for the whole app. The app is served by PocketBase
// itself, so the API is on the same origin (in `vite dev`, Vite proxies /api).
import PocketBase from 'pocketbase';

export const pb = new PocketBase(
	typeof window === 'undefined' ? 'http://127.0.0.1:8090' : window.location.origin
);

// Each page asks for what it needs; an in-flight request must not be
// cancelled because another component asks the same collection.
pb.autoCancellation(false);
