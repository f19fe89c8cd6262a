// The meldingen API as the browser uses it: public routes by code, the
// collection's create, and the staff status route (pocketbase/pb_hooks/meldingen.pb.js).
import type { RecordModel } from 'pocketbase';
import { pb } from '$lib/api/pocketbase';
import type { District } from '$lib/api/districts';

export type LocalizedText = Record<string, string>;
export type PublicStatus = 'received' | 'in_progress' | 'done' | 'closed';
export type Status =
	| 'new'
	| 'accepted'
	| 'planned'
	| 'in_progress'
	| 'fixed'
	| 'not_fixed'
	| 'not_ours'
	| 'duplicate'
	| 'reopened';

export interface ExtraQuestion {
	id: string;
	type: 'single' | 'yesno' | 'short-text';
	label: LocalizedText;
	options?: { value: string; label: LocalizedText }[];
	maxLength?: number;
}

export interface CategoryRecord extends RecordModel {
	code: string;
	name: LocalizedText;
	group: LocalizedText;
	description: LocalizedText | null;
	icon: string;
	extraQuestions: ExtraQuestion[] | null;
	noteTemplates: Record<string, LocalizedText> | null;
	sortOrder: number;
}

export interface Point {
	lat: number;
	lon: number;
}

export interface TimelineEntry {
	publicStatus: PublicStatus;
	reopened?: boolean;
	note: string;
	byResident: boolean;
	at: string;
}

export interface PublicMelding {
	/** The code of whoever reads it: the reporter's, or a follower's own. */
	code: string;
	/** Read with a follower's code. */
	following?: boolean;
	publicStatus: PublicStatus;
	open: boolean;
	canReopen: boolean;
	duplicateOf: string | null;
	category: { code: string; name: LocalizedText; icon: string } | null;
	address: string;
	location: Point | null;
	district: District | '';
	followerCount: number;
	created: string;
	updated: string;
	closedAt: string | null;
	timeline: TimelineEntry[];
}

/** An open melding nearby: by record id, never with its code (a code proves ownership). */
export interface NearbyMelding {
	id: string;
	publicStatus: PublicStatus;
	open: boolean;
	category: PublicMelding['category'];
	address: string;
	location: Point | null;
	district: District | '';
	followerCount: number;
	created: string;
	distance: number;
}

export interface MapConfig {
	bbox: [number, number, number, number];
	districts: {
		features: {
			properties: { district: District; name: string };
			geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
		}[];
	};
	tiles: string | null;
	attribution: string | null;
}

/** A server field error: PocketBase's `data` map of {code, message}. */
export type FieldErrors = Record<string, { code: string; message: string }>;

export function fieldErrorsOf(error: unknown): FieldErrors {
	const data = (error as { response?: { data?: FieldErrors } })?.response?.data;
	return data && typeof data === 'object' ? data : {};
}

export function localized(text: LocalizedText | null | undefined, language: string): string {
	if (!text) return '';
	return text[language] || text.nl || Object.values(text)[0] || '';
}

export async function loadCategories(): Promise<CategoryRecord[]> {
	return pb
		.collection('categories')
		.getFullList<CategoryRecord>({ filter: 'active = true', sort: 'sortOrder,code' });
}

let mapConfig: Promise<MapConfig> | undefined;
export function loadMapConfig(): Promise<MapConfig> {
	mapConfig ??= pb.send<MapConfig>('/api/stadsstem/map', {}).catch((error) => {
		mapConfig = undefined;
		throw error;
	});
	return mapConfig;
}

export function insideBox(point: Point, bbox: MapConfig['bbox']): boolean {
	return (
		point.lon >= bbox[0] && point.lon <= bbox[2] && point.lat >= bbox[1] && point.lat <= bbox[3]
	);
}

export async function findNearby(category: string, point: Point): Promise<NearbyMelding[]> {
	const result = await pb.send<{ items: NearbyMelding[] }>('/api/stadsstem/meldingen/nearby', {
		query: { category, lat: point.lat, lon: point.lon }
	});
	return result.items;
}

export function readMelding(code: string): Promise<PublicMelding> {
	return pb.send<PublicMelding>(`/api/stadsstem/meldingen/${encodeURIComponent(code)}`, {});
}

/** Follows a nearby melding by its id; the answer carries this follower's own code. */
export function followMelding(
	id: string,
	body: { clientId: string; email?: string; language: string }
): Promise<PublicMelding> {
	return pb.send<PublicMelding>(`/api/stadsstem/meldingen/${encodeURIComponent(id)}/follow`, {
		method: 'POST',
		body
	});
}

export function reopenMelding(code: string, reason: string): Promise<PublicMelding> {
	return pb.send<PublicMelding>(`/api/stadsstem/meldingen/${encodeURIComponent(code)}/reopen`, {
		method: 'POST',
		body: { reason }
	});
}

/** Live updates of one melding's public view; returns the unsubscribe function. */
export async function watchMelding(
	code: string,
	onChange: (melding: PublicMelding) => void
): Promise<() => Promise<void>> {
	return pb.realtime.subscribe(`melding-status/${code}`, (data) => onChange(data as PublicMelding));
}

export async function createMelding(form: FormData): Promise<RecordModel> {
	return pb.collection('meldingen').create(form);
}

export function changeStatus(
	id: string,
	body: { status: Status; publicNote: string; internalNote: string; duplicateOf?: string }
): Promise<{ status: Status; publicStatus: PublicStatus; mailed: number }> {
	return pb.send(`/api/stadsstem/staff/meldingen/${id}/status`, { method: 'POST', body });
}
