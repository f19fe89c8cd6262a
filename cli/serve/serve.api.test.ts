// `npm start`'s happy path, as a new developer meets it: serve an empty data
// folder, get the demo content and log in with the printed passwords. The
// passwords here start with a dash, as a generated one sometimes does (a
// fresh clone once failed on exactly that).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../pocketbase/server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CREDENTIALS = {
	superuserEmail: 'superuser@stadsstem.local',
	superuserPassword: '-starts-with-a-dash1',
	staffPassword: '-also-a-dash-here2'
};

let child: ChildProcess;
let output = '';
let url = '';
const dataDir = mkdtempSync(path.join(tmpdir(), 'stadsstem-serve-'));

beforeAll(async () => {
	writeFileSync(path.join(dataDir, 'demo-credentials.json'), JSON.stringify(CREDENTIALS));
	const port = await freePort();
	child = spawn(
		'node',
		[
			path.join(ROOT, 'cli/bin/stadsstem.js'),
			'serve',
			'--no-build',
			'--port',
			String(port),
			'--data-dir',
			dataDir
		],
		{ env: { ...process.env, NODE_ENV: 'production' } }
	);
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await new Promise<void>((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`serve ended with ${code}:\n${output}`)));
		const poll = setInterval(() => {
			const match = /Residents:\s+(\S+)\//.exec(output);
			if (match) {
				clearInterval(poll);
				url = match[1];
				resolve();
			}
		}, 200);
	});
}, 240_000);

afterAll(() => {
	child?.kill('SIGINT');
	rmSync(dataDir, { recursive: true, force: true });
});

describe('stadsstem serve (npm start) on an empty data folder', () => {
	it('prints the URLs and the passwords it made for this install', () => {
		expect(output).toContain('Demo content loaded into the empty database.');
		expect(output).toContain(`${url}/kiosk/`);
		expect(output).toContain(`password: ${CREDENTIALS.staffPassword}`);
		expect(output).toContain(`password: ${CREDENTIALS.superuserPassword}`);
	});

	it('the printed dashboard and staff passwords log in', async () => {
		const admin = new PocketBase(url);
		await admin
			.collection('_superusers')
			.authWithPassword(CREDENTIALS.superuserEmail, CREDENTIALS.superuserPassword);
		expect(admin.authStore.isValid).toBe(true);
		const staff = new PocketBase(url);
		await staff
			.collection('users')
			.authWithPassword('els@stadsstem.local', CREDENTIALS.staffPassword);
		expect(staff.authStore.record?.role).toBe('handler');
	});

	it('serves the resident app with the demo surveys', async () => {
		expect((await fetch(`${url}/`)).status).toBe(200);
		const surveys = await new PocketBase(url).collection('surveys').getList(1, 10);
		expect(surveys.totalItems).toBeGreaterThanOrEqual(3);
	});
});
