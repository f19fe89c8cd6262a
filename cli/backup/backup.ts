// Backups through PocketBase's own backups API (a consistent zip of pb_data,
// made by the server itself), downloaded to a file, and restored from one.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type PocketBase from 'pocketbase';
import { CliError } from '../cli-error.ts';

const NAME = /^[a-z0-9_-]+\.zip$/;

export async function backupTo(pb: PocketBase, out?: string): Promise<string> {
	const stamp = new Date().toISOString().replace(/[:.]/g, '-').toLowerCase();
	const name = `stadsstem-${stamp}.zip`.replace(/[^a-z0-9_.-]/g, '-');
	await pb.backups.create(name);
	const token = await pb.files.getToken();
	const response = await fetch(pb.backups.getDownloadURL(token, name));
	if (!response.ok)
		throw new CliError(`The server made the backup but could not send it (${response.status}).`);
	const file = out ?? path.resolve(name);
	writeFileSync(file, Buffer.from(await response.arrayBuffer()));
	// The copy on the server is not needed any more: the file is the backup.
	await pb.backups.delete(name);
	return file;
}

/** Uploads the zip and restores it; the server restarts with the restored data. */
export async function restoreFrom(pb: PocketBase, file: string): Promise<void> {
	let data: Buffer;
	try {
		data = readFileSync(file);
	} catch {
		throw new CliError(`Cannot read ${file}.`);
	}
	const name = path
		.basename(file)
		.toLowerCase()
		.replace(/[^a-z0-9_.-]/g, '-');
	const key = NAME.test(name) ? name : `restore-${Date.now()}.zip`;
	const form = new FormData();
	form.set('file', new Blob([new Uint8Array(data)], { type: 'application/zip' }), key);
	await pb.backups.upload(form);
	await pb.backups.restore(key);
}

/** Waits until the restarted server answers again (bounded). */
export async function waitHealthy(url: string, tries = 300): Promise<void> {
	for (let i = 0; i < tries; i++) {
		try {
			const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
			if (response.ok) return;
		} catch {
			// restarting
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new CliError('The server did not come back after the restore.');
}
