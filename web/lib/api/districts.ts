// Antwerp's districts: the one list for the app, the CLI and the server.
// pocketbase/server.ts bundles this file into pb_hooks/lib/generated/districts.cjs
// for the JS hooks (lib/decisions-query.js checks filters and follows against
// it, lib/decisions-jsonld.js names districts with it). The ids are also the
// values of the `district` select fields, which the migrations fix: a change
// here needs a migration too. Keep it free of imports.

export const DISTRICTS = [
	'antwerpen',
	'berchem',
	'berendrecht-zandvliet-lillo',
	'borgerhout',
	'deurne',
	'ekeren',
	'hoboken',
	'merksem',
	'wilrijk'
] as const;

export type District = (typeof DISTRICTS)[number];

/** The official names, as linked data (JSON-LD) labels them; the UI uses its translations. */
export const DISTRICT_NAMES: Record<District, string> = {
	antwerpen: 'Antwerpen',
	berchem: 'Berchem',
	'berendrecht-zandvliet-lillo': 'Berendrecht-Zandvliet-Lillo',
	borgerhout: 'Borgerhout',
	deurne: 'Deurne',
	ekeren: 'Ekeren',
	hoboken: 'Hoboken',
	merksem: 'Merksem',
	wilrijk: 'Wilrijk'
};
