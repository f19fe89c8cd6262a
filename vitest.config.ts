import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests, and API tests that run against a real
// PocketBase started once per run in a temp dir on a free port.
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['{web,cli,surveys,kiosk,scripts,accessibility}/**/*.test.ts'],
					// Some tests start the CLI as a process; on a loaded 2-core CI machine that
					// can take seconds. This bounds a hung test, it measures nothing.
					testTimeout: 60_000,
					exclude: ['**/node_modules/**', '**/*.api.test.ts']
				}
			},
			{
				test: {
					name: 'api',
					include: ['**/*.api.test.ts'],
					exclude: ['**/node_modules/**'],
					globalSetup: ['pocketbase/tests/global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 120_000,
					// One server, shared state: run files one after another.
					fileParallelism: false
				}
			}
		]
	}
});
