// stadsstem backup and restore (issue 11): data made on one server, backed up,
// restored into a fresh server, compared record by record.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import PocketBase from 'pocketbase';
import { afterAll, describe, expect, it } from 'vitest';
import { backupTo, restoreFrom, waitHealthy } from '../../cli/backup/backup.ts';
import { startTestServer, type TestServer } from '../test-server.ts';

const COLLECTIONS = ['categories', 'surveys', 'decisions', 'responses', 'meldingen', 'users'];
const servers: TestServer[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'stadsstem-backup-'));

afterAll(async () => {
	for (const server of servers) await server.stop();
	rmSync(dir, { recursive: true, force: true });
});

async function login(url: string, account: { email: string; password: string }) {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(account.email, account.password);
	return pb;
}

async function snapshot(pb: PocketBase) {
	const result: Record<string, unknown[]> = {};
	for (const collection of COLLECTIONS) {
		result[collection] = await pb.collection(collection).getFullList({ sort: 'id' });
	}
	return result;
}

describe('backup and restore', () => {
	it('restores into a fresh server exactly what was backed up', async () => {
		const source = await startTestServer();
		servers.push(source);
		const pb = await login(source.url, source.superuser);
		const category = await pb.collection('categories').getFirstListItem("code = 'zwerfvuil'");
		await new PocketBase(source.url).collection('meldingen').create({
			category: category.id,
			location: { lat: 51.218, lon: 4.465 },
			description: 'Voor de backup',
			email: 'backup@example.org',
			channel: 'web',
			clientId: randomUUID()
		});
		const before = await snapshot(pb);
		expect(before.meldingen).toHaveLength(1);

		const file = await backupTo(pb, path.join(dir, 'backup.zip'));

		const target = await startTestServer({ seed: false });
		servers.push(target);
		const fresh = await login(target.url, target.superuser);
		expect((await fresh.collection('meldingen').getFullList()).length).toBe(0);
		await restoreFrom(fresh, file);
		// The server restores in the background and restarts; then its superuser is the source's.
		let restored: PocketBase | undefined;
		for (let i = 0; i < 300 && !restored; i++) {
			await new Promise((resolve) => setTimeout(resolve, 200));
			try {
				await waitHealthy(target.url, 50);
				restored = await login(target.url, source.superuser);
			} catch {
				restored = undefined;
			}
		}
		expect(restored, 'the restored server accepts the source superuser').toBeDefined();
		expect(await snapshot(restored!)).toEqual(before);
	}, 120_000);
});
