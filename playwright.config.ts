import { defineConfig, devices } from '@playwright/test';
import { freePort } from './pocketbase/server.ts';

// The port is chosen here, once: workers load this file again but inherit the
// environment, so they all see the same server that global setup starts.
process.env.STADSSTEM_E2E_PORT ??= String(await freePort());
const baseURL = `http://127.0.0.1:${process.env.STADSSTEM_E2E_PORT}`;

// Debian's Chromium, never a downloaded browser; flags keep it off the network.
const chromium = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--disable-background-networking',
		'--disable-component-update',
		'--no-first-run',
		'--disable-sync',
		'--disable-quic'
	]
};

export default defineConfig({
	testDir: '.',
	testMatch: ['web/e2e/**/*.e2e.ts', 'kiosk/e2e/**/*.e2e.ts', 'accessibility/**/*.e2e.ts'],
	globalSetup: './web/e2e/global-setup.ts',
	fullyParallel: false,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	// Bounds a hung test; the long walks (every survey step with axe) need the room on a loaded machine.
	timeout: 120_000,
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	use: {
		baseURL,
		launchOptions: chromium,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		locale: 'nl-BE'
	},
	projects: [
		{ name: 'phone', use: { ...devices['Pixel 7'], launchOptions: chromium } },
		{
			name: 'desktop',
			use: { ...devices['Desktop Chrome'], launchOptions: chromium },
			grep: /@desktop/
		}
	]
});
