// Everything renders in the browser: PocketBase serves a static build with an
// index.html fallback, and all data comes from its API on the same origin.
export const ssr = false;
export const prerender = false;
