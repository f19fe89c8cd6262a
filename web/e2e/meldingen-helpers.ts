// Helpers for the meldingen browser tests: API access as superuser and staff,
// a real JPEG with camera metadata to prove it is stripped, staff login.
import { expect, type Page } from '@playwright/test';
import PocketBase, { type RecordModel } from 'pocketbase';
import { DEMO_STAFF } from '../../cli/seed/seed.ts';

export const SHOTS = process.env.STADSSTEM_SCREENSHOTS ?? 'test-results/meldingen-screens';

export async function asSuperuser(url: string): Promise<PocketBase> {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	const { email, password } = JSON.parse(process.env.STADSSTEM_E2E_SUPERUSER ?? '{}');
	await pb.collection('_superusers').authWithPassword(email, password);
	return pb;
}

export async function asEls(
	url: string,
	password = process.env.STADSSTEM_E2E_STAFF_PASSWORD ?? ''
) {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	const els = DEMO_STAFF.find((account) => account.role === 'handler')!;
	await pb.collection('users').authWithPassword(els.email, password);
	return pb;
}

export async function seedMelding(
	url: string,
	fields: { category: string; location?: { lat: number; lon: number }; [key: string]: unknown }
): Promise<RecordModel> {
	const pb = new PocketBase(url);
	const category = await pb
		.collection('categories')
		.getFirstListItem(`code = '${fields.category}'`);
	return pb.collection('meldingen').create({
		channel: 'web',
		clientId: crypto.randomUUID(),
		language: 'nl',
		...fields,
		category: category.id
	});
}

/** A camera-sized JPEG made by the browser, with an EXIF block that names a camera and GPS. */
export const CAMERA_MARKER = 'STADSSTEM-TEST-CAMERA-GPS-51.2180N';
export async function cameraPhoto(page: Page): Promise<Buffer> {
	const base64 = await page.evaluate(() => {
		const canvas = document.createElement('canvas');
		canvas.width = 3000;
		canvas.height = 2000;
		const context = canvas.getContext('2d')!;
		context.fillStyle = '#8a6d3b';
		context.fillRect(0, 0, 3000, 2000);
		context.fillStyle = '#eee';
		context.fillRect(600, 900, 1800, 500);
		return canvas.toDataURL('image/jpeg', 0.8).split(',')[1];
	});
	const jpeg = Buffer.from(base64, 'base64');
	// APP1 "Exif" segment right after SOI: a TIFF header and our marker text.
	const payload = Buffer.concat([
		Buffer.from('Exif\0\0', 'binary'),
		Buffer.from('MM\0*\0\0\0\x08\0\0', 'binary'),
		Buffer.from(CAMERA_MARKER, 'ascii')
	]);
	const length = Buffer.alloc(2);
	length.writeUInt16BE(payload.length + 2);
	return Buffer.concat([
		jpeg.subarray(0, 2),
		Buffer.from([0xff, 0xe1]),
		length,
		payload,
		jpeg.subarray(2)
	]);
}

/** Width and height from a JPEG's SOF marker. */
export function jpegSize(bytes: Buffer): { width: number; height: number } {
	let offset = 2;
	while (offset < bytes.length) {
		const marker = bytes[offset + 1];
		const length = bytes.readUInt16BE(offset + 2);
		if (marker >= 0xc0 && marker <= 0xc3) {
			return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
		}
		offset += 2 + length;
	}
	throw new Error('no SOF marker');
}

export async function staffLogin(page: Page, base = ''): Promise<void> {
	const els = DEMO_STAFF.find((account) => account.role === 'handler')!;
	await page.goto(`${base}/medewerkers/aanmelden`);
	await page.getByLabel('E-mailadres').fill(els.email);
	await page.getByLabel('Wachtwoord').fill(process.env.STADSSTEM_E2E_STAFF_PASSWORD ?? '');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Overzicht voor medewerkers' })
	).toBeVisible();
}
