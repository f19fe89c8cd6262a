// A real PocketBase for tests and benchmarks: fresh temp dir, free port,
// migrated and seeded, never the developer's data (DESIGN.md §3).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { seedDemoContent } from '../cli/seed/seed.ts';
import {
	ensureServerBinary,
	freePort,
	migrate,
	startServer,
	upsertSuperuser,
	type RunningServer
} from './server.ts';

export interface TestServer {
	url: string;
	dataDir: string;
	superuser: { email: string; password: string };
	staffPassword: string;
	server: RunningServer;
	stop(): Promise<void>;
}

export interface TestServerOptions {
	seed?: boolean;
	env?: Record<string, string>;
	/** A fixed port (the browser tests choose theirs before the server starts). */
	port?: number;
	/** Keep the rate limiter for loopback too (tests of the limiter itself). */
	rateLimitLoopback?: boolean;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
	const binary = ensureServerBinary((line) => process.stderr.write(`${line}\n`));
	const dataDir = mkdtempSync(path.join(tmpdir(), 'stadsstem-test-'));
	const superuser = { email: 'superuser@test.local', password: randomBytes(12).toString('hex') };
	const staffPassword = randomBytes(12).toString('hex');
	migrate(binary, dataDir);
	upsertSuperuser(binary, dataDir, superuser.email, superuser.password);
	const server = await startServer({
		binary,
		dataDir,
		host: '127.0.0.1',
		port: options.port ?? (await freePort()),
		env: {
			...(options.rateLimitLoopback ? {} : { STADSSTEM_RATE_LIMIT_EXCLUDED_IPS: '127.0.0.1' }),
			...options.env
		},
		stdio: process.env.STADSSTEM_SERVER_LOG ? 'inherit' : 'ignore'
	});
	if (options.seed !== false) {
		try {
			const pb = new PocketBase(server.url);
			await pb.collection('_superusers').authWithPassword(superuser.email, superuser.password);
			await seedDemoContent(pb, { staffPassword });
		} catch (error) {
			await server.stop();
			rmSync(dataDir, { recursive: true, force: true });
			throw error;
		}
	}
	return {
		url: server.url,
		dataDir,
		superuser,
		staffPassword,
		server,
		async stop() {
			await server.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
