// The route tree is the list of pages: every `+page.svelte` under web/routes is
// a page of the citizen build, and (outside /medewerkers) of the kiosk build,
// which is built from the same tree and served at /kiosk/. The suite reads the
// tree so that a new page cannot be left out of the accessibility checks.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const ROUTES_DIR = path.resolve(import.meta.dirname, '../web/routes');

/** SvelteKit route ids (`/`, `/beslissingen/[slug]`), sorted; route groups `(x)` add no segment. */
export function discoverRoutes(dir = ROUTES_DIR): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || entry.name !== '+page.svelte') continue;
		const relative = path.relative(dir, entry.parentPath);
		const segments = relative === '' ? [] : relative.split(path.sep);
		found.push('/' + segments.filter((segment) => !/^\(.*\)$/.test(segment)).join('/'));
	}
	return found.sort();
}

/** Staff pages: checked in the citizen build; the kiosk has no link to them and no address bar. */
export function isStaffRoute(id: string): boolean {
	return id === '/medewerkers' || id.startsWith('/medewerkers/');
}
