// Open311 API keys: the key is made here, shown once, and only its SHA-256 is
// stored, so nobody (not even an admin) can read a key back from the server.
import { createHash, randomBytes } from 'node:crypto';
import type PocketBase from 'pocketbase';

export interface IssuedKey {
	name: string;
	/** The secret, to hand to the partner once. */
	key: string;
	prefix: string;
}

export function hashKey(key: string): string {
	return createHash('sha256').update(key).digest('hex');
}

/** Creates a key named `name`; `pb` must be authenticated as a superuser. */
export async function createApiKey(pb: PocketBase, name: string): Promise<IssuedKey> {
	// 32 random bytes (256 bits), URL-safe so it survives form encoding unchanged.
	const key = `ss_${randomBytes(32).toString('base64url')}`;
	const prefix = key.slice(0, 10);
	await pb.collection('api_keys').create({ name, keyHash: hashKey(key), prefix, revoked: false });
	return { name, key, prefix };
}
