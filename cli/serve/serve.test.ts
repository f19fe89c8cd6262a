// `npm start`'s failure modes: one clear sentence and a non-zero exit, and
// nothing written where nothing should be.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBinary } from '../../pocketbase/server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function serve(args: string[], env: Record<string, string> = {}) {
	return spawnSync(
		'node',
		[path.join(ROOT, 'cli/bin/stadsstem.js'), 'serve', '--no-build', ...args],
		{
			encoding: 'utf8',
			env: { ...process.env, ...env },
			timeout: 120_000
		}
	);
}

describe('stadsstem serve (npm start) when something is wrong', () => {
	it('names the missing server binary in one sentence', () => {
		const result = serve(['--port', '1'], { POCKETBASE_BIN: '/nonexistent/pocketbase' });
		expect(result.status).toBe(1);
		expect(result.stderr.trim()).toBe(
			'stadsstem: POCKETBASE_BIN points to /nonexistent/pocketbase, but there is no file there.'
		);
	});

	it('refuses a port that is not a number', () => {
		const result = serve(['--port', 'http']);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('PORT must be a number from 1 to 65535, not "http".');
	});

	describe('with the port already taken', () => {
		let blocker: Server;
		let port: number;
		beforeAll(async () => {
			blocker = createServer();
			await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
			port = (blocker.address() as { port: number }).port;
		});
		afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

		it('says which port is in use and how to choose another', () => {
			const dataDir = mkdtempSync(path.join(tmpdir(), 'stadsstem-serve-'));
			const result = serve(['--port', String(port), '--data-dir', dataDir]);
			expect(result.status).toBe(1);
			expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
			expect(result.stderr).not.toMatch(/\n\s+at /);
			// Nothing was written into the data folder.
			expect(readdirSync(dataDir)).toEqual([]);
		}, 60_000);
	});

	it('without Go and without POCKETBASE_BIN, says what to install and builds nothing', () => {
		const nowhere = mkdtempSync(path.join(tmpdir(), 'stadsstem-nobinary-'));
		const saved = { PATH: process.env.PATH, POCKETBASE_BIN: process.env.POCKETBASE_BIN };
		process.env.PATH = nowhere;
		delete process.env.POCKETBASE_BIN;
		try {
			expect(() => ensureServerBinary(() => {}, path.join(nowhere, 'stadsstem-server'))).toThrow(
				'Stadsstem builds its server with Go: install Go 1.25 or newer, or set POCKETBASE_BIN to a PocketBase-compatible binary.'
			);
		} finally {
			process.env.PATH = saved.PATH;
			if (saved.POCKETBASE_BIN !== undefined) process.env.POCKETBASE_BIN = saved.POCKETBASE_BIN;
		}
		expect(readdirSync(nowhere)).toEqual([]);
	});
});
