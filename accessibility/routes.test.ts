// The accessibility suite visits every page of the route tree: a page without
// an entry in its route table fails here, before any browser starts.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTE_TABLE } from './route-table.ts';
import { discoverRoutes, isStaffRoute } from './routes.ts';

describe('route discovery', () => {
	it('finds pages, dynamic segments and ignores route groups and layouts', () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'routes-'));
		for (const [folder, file] of [
			['', '+page.svelte'],
			['', '+layout.svelte'],
			['melding/[code]', '+page.svelte'],
			['(info)/privacy', '+page.svelte'],
			['only-a-layout', '+layout.svelte']
		]) {
			mkdirSync(path.join(dir, folder), { recursive: true });
			writeFileSync(path.join(dir, folder, file), '');
		}
		expect(discoverRoutes(dir)).toEqual(['/', '/melding/[code]', '/privacy']);
	});

	it('tells staff pages from the pages residents and the kiosk use', () => {
		expect(isStaffRoute('/medewerkers')).toBe(true);
		expect(isStaffRoute('/medewerkers/meldingen/[id]')).toBe(true);
		expect(isStaffRoute('/melding/[code]')).toBe(false);
	});
});

describe('the route table of the accessibility suite', () => {
	const routes = discoverRoutes();

	it('has an entry for every page in web/routes', () => {
		expect(routes.filter((route) => !(route in ROUTE_TABLE))).toEqual([]);
	});

	it('has no entry for a page that no longer exists', () => {
		expect(Object.keys(ROUTE_TABLE).filter((route) => !routes.includes(route))).toEqual([]);
	});

	it('signs in for staff pages (but the sign-in page) and never for residents’ pages', () => {
		for (const route of routes) {
			const staff = ROUTE_TABLE[route]?.staff;
			if (route === '/medewerkers/aanmelden') expect(staff).toBe('none');
			else if (isStaffRoute(route)) expect(staff, route).toMatch(/handler|editor/);
			else expect(staff, route).toBeUndefined();
		}
	});
});
