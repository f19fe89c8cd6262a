// Shared helpers for the meldingen and Open311 API tests.
import { randomUUID } from 'node:crypto';
import type PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';

/** A point in Deurne (inside the rough demo polygon), and one a few metres away. */
export const DEURNE = { lat: 51.218, lon: 4.465 };

/** Moves a point north by a number of metres. */
export function north(point: { lat: number; lon: number }, metres: number) {
	return { lat: point.lat + metres / 111_320, lon: point.lon };
}

/** Each test gets its own spot so that "nearby" never sees another test's meldingen. */
let spot = 0;
export function freshSpot(): { lat: number; lon: number } {
	spot++;
	// A grid of points 300 m apart across Deurne.
	return { lat: 51.19 + (spot % 12) * 0.003, lon: 4.455 + Math.floor(spot / 12) * 0.004 };
}

export async function categoryId(pb: PocketBase, code: string): Promise<string> {
	const category = await pb.collection('categories').getFirstListItem(`code = '${code}'`);
	return category.id;
}

export interface NewMelding {
	category: string;
	description?: string;
	location?: { lat: number; lon: number };
	address?: string;
	email?: string;
	extra?: Record<string, unknown>;
	[field: string]: unknown;
}

/** Files a melding as a resident would, through the collection's create API. */
export async function fileMelding(pb: PocketBase, melding: NewMelding): Promise<RecordModel> {
	return pb.collection('meldingen').create({
		channel: 'web',
		clientId: randomUUID(),
		language: 'nl',
		...melding
	});
}

/** The public status page's data, as a resident's browser reads it. */
export async function readByCode(url: string, code: string): Promise<Response> {
	return fetch(`${url}/api/stadsstem/meldingen/${code}`);
}

export async function changeStatus(
	pb: PocketBase,
	id: string,
	body: Record<string, unknown>
): Promise<Record<string, unknown>> {
	return pb.send(`/api/stadsstem/staff/meldingen/${id}/status`, { method: 'POST', body });
}

/** Smallest valid PNG (1×1): enough for PocketBase's content sniffing. */
export const TINY_PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);
