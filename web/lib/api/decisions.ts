// Decisions as the resident pages read them (issue 5). The list comes from the
// server's public list route, so search and filters have one implementation.
import type { RecordModel } from 'pocketbase';
import type { District } from './districts';
import { pb } from './pocketbase';

export type DecisionBody = 'gemeenteraad' | 'college' | 'districtsraad' | 'districtscollege';
export const BODIES: DecisionBody[] = [
	'gemeenteraad',
	'college',
	'districtsraad',
	'districtscollege'
];

export interface Article {
	number: string;
	text: string;
}

export interface DecisionListItem {
	slug: string;
	title: string;
	shortTitle: string;
	description: string;
	summary: string;
	body: DecisionBody;
	district: District | '';
	sessionDate: string;
	publicationDate: string;
	inForceFrom: string;
	inForceUntil: string;
	themes: string[];
	language: string;
	url: string;
	jsonld: string;
}

export interface DecisionList {
	page: number;
	perPage: number;
	totalItems: number;
	totalPages: number;
	items: DecisionListItem[];
	themes: { theme: string; count: number }[];
}

export interface DecisionRecord extends RecordModel {
	slug: string;
	title: string;
	shortTitle: string;
	description: string;
	content: string;
	motivation: string;
	summary: string;
	body: DecisionBody;
	district: District | '';
	sessionDate: string;
	publicationDate: string;
	inForceFrom: string;
	inForceUntil: string;
	articles: Article[] | null;
	themes: string[] | null;
	location: { lat: number; lon: number } | null;
	/** In plain language: how residents' opinions from the related surveys were used. */
	participationNote: string;
	relatedSurveys: string[];
	relatedCategories: string[];
	status: 'draft' | 'published' | 'withdrawn';
	language: string;
	changeNote?: string;
}

export interface RevisionRecord extends RecordModel {
	decision: string;
	kind: 'published' | 'changed' | 'withdrawn' | 'republished';
	changedFields: string[] | null;
	previous: Record<string, unknown> | null;
	note: string;
	created: string;
}

/** The search as it appears in the page's address (Dutch names: the address is shared). */
export interface DecisionQuery {
	q: string;
	district: string;
	theme: string;
	body: string;
	from: string;
	to: string;
	inForce: boolean;
	page: number;
}

export const EMPTY_QUERY: DecisionQuery = {
	q: '',
	district: '',
	theme: '',
	body: '',
	from: '',
	to: '',
	inForce: false,
	page: 1
};

const URL_NAMES: Record<keyof DecisionQuery, string> = {
	q: 'zoek',
	district: 'district',
	theme: 'thema',
	body: 'orgaan',
	from: 'van',
	to: 'tot',
	inForce: 'geldt',
	page: 'pagina'
};

export function queryFromUrl(params: URLSearchParams): DecisionQuery {
	const get = (key: keyof DecisionQuery) => params.get(URL_NAMES[key]) ?? '';
	const page = Number.parseInt(get('page'), 10);
	return {
		q: get('q'),
		district: get('district'),
		theme: get('theme'),
		body: get('body'),
		from: get('from'),
		to: get('to'),
		inForce: get('inForce') === 'ja',
		page: page >= 1 ? page : 1
	};
}

/** The address query for a search: empty filters are left out, so links stay short. */
export function queryToUrl(query: DecisionQuery): string {
	const params = new URLSearchParams();
	for (const key of Object.keys(URL_NAMES) as (keyof DecisionQuery)[]) {
		const value = query[key];
		if (key === 'inForce') {
			if (value) params.set(URL_NAMES[key], 'ja');
		} else if (key === 'page') {
			if (Number(value) > 1) params.set(URL_NAMES[key], String(value));
		} else if (value) params.set(URL_NAMES[key], String(value).trim());
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

export const PER_PAGE = 10;

export async function fetchDecisions(query: DecisionQuery): Promise<DecisionList> {
	const params: Record<string, string> = { page: String(query.page), perPage: String(PER_PAGE) };
	if (query.q.trim()) params.q = query.q.trim();
	if (query.district) params.district = query.district;
	if (query.theme) params.theme = query.theme;
	if (query.body) params.body = query.body;
	if (query.from) params.from = query.from;
	if (query.to) params.to = query.to;
	if (query.inForce) params.inForce = '1';
	return pb.send<DecisionList>('/api/stadsstem/decisions', { query: params });
}

/** PocketBase stores "no location" as the point 0,0 (in the ocean, never in Antwerp). */
export function placeOf(
	location: { lat: number; lon: number } | null | undefined
): { lat: number; lon: number } | null {
	return location && (location.lat !== 0 || location.lon !== 0) ? location : null;
}

/** A typed coordinate, with a comma accepted as the decimal sign (Belgian habit). */
export function parseCoordinate(raw: string): number | null {
	const cleaned = raw.trim().replace(',', '.');
	if (!/^-?\d{1,3}(\.\d+)?$/.test(cleaned)) return null;
	return Number(cleaned);
}

/** Is a decision in force today? Dates are calendar days. */
export function inForceNow(decision: { inForceFrom: string; inForceUntil: string }): boolean {
	const today = new Date().toISOString().slice(0, 10);
	const from = decision.inForceFrom.slice(0, 10);
	const until = decision.inForceUntil.slice(0, 10);
	return (!from || from <= today) && (!until || until >= today);
}

export function jsonLdUrl(slug: string): string {
	return `/api/stadsstem/decisions/${slug}.jsonld`;
}
