// Vitest global setup for the API project: one seeded server for the run.
import type { TestProject } from 'vitest/node';
import { ensureBuilds } from '../../scripts/build.ts';
import { startTestServer, type TestServer } from '../test-server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		pbUrl: string;
		superuser: { email: string; password: string };
		staffPassword: string;
	}
}

let server: TestServer | undefined;

export async function setup(project: TestProject): Promise<void> {
	// The server serves the apps too (security headers, SPA fallback): build them first on a fresh clone.
	ensureBuilds((line) => process.stderr.write(`${line}\n`));
	server = await startTestServer();
	project.provide('pbUrl', server.url);
	project.provide('superuser', server.superuser);
	project.provide('staffPassword', server.staffPassword);
}

export async function teardown(): Promise<void> {
	await server?.stop();
}
