// PocketBase clients for API tests, one per kind of caller the access rules know.
import PocketBase from 'pocketbase';
import { inject } from 'vitest';
import { DEMO_STAFF } from '../../cli/seed/seed.ts';

export function anonymous(): PocketBase {
	const pb = new PocketBase(inject('pbUrl'));
	pb.autoCancellation(false);
	return pb;
}

export async function superuser(): Promise<PocketBase> {
	const pb = anonymous();
	const { email, password } = inject('superuser');
	await pb.collection('_superusers').authWithPassword(email, password);
	return pb;
}

export async function staff(role: 'handler' | 'editor' | 'admin'): Promise<PocketBase> {
	const pb = anonymous();
	const account = DEMO_STAFF.find((candidate) => candidate.role === role);
	if (!account) throw new Error(`no demo staff account with role ${role}`);
	await pb.collection('users').authWithPassword(account.email, inject('staffPassword'));
	return pb;
}
