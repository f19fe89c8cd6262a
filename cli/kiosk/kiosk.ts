// Kiosks at webpunten: the token and the helper PIN are made here, shown once,
// and only their hashes reach the server. The token is 256 random bits, so a
// plain SHA-256 finds it; the PIN is short, so it is salted (and the server
// locks a kiosk after a few wrong PINs, see pocketbase/pb_hooks/lib/kiosk.js).
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type PocketBase from 'pocketbase';

export interface RegisteredKiosk {
	id: string;
	name: string;
	location: string;
	/** The device's secret, handed to the launcher once. */
	token: string;
	/** The helpers' PIN. */
	pin: string;
}

export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** `salt$sha256(salt:pin)`, the format the server checks. */
export function hashPin(pin: string, salt = randomBytes(16).toString('hex')): string {
	return `${salt}$${sha256(`${salt}:${pin}`)}`;
}

export function newPin(length = 6): string {
	return Array.from({ length }, () => String(randomInt(10))).join('');
}

export function newToken(): string {
	return `kt_${randomBytes(32).toString('base64url')}`;
}

/** Creates the kiosk; `pb` must be authenticated as a superuser. */
export async function registerKiosk(
	pb: PocketBase,
	name: string,
	location: string,
	options: { pinLength?: number; idleSeconds?: number } = {}
): Promise<RegisteredKiosk> {
	const token = newToken();
	const pin = newPin(options.pinLength ?? 6);
	const record = await pb.collection('kiosks').create({
		name,
		location,
		tokenHash: sha256(token),
		pinHash: hashPin(pin),
		failedPins: 0,
		settings: options.idleSeconds ? { idleSeconds: options.idleSeconds } : {}
	});
	return { id: record.id, name, location, token, pin };
}

/** The address the launcher opens; the fragment never reaches a server log. */
export function launchUrl(baseUrl: string, token: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/kiosk/#kiosk=${encodeURIComponent(token)}`;
}
