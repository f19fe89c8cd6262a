// A new version of the kiosk app arrives while a resident fills in a form: the
// kiosk shows no update prompt and swaps nothing under the form; the waiting
// service worker takes over at the next reset, between two residents.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { heading } from './kiosk-helpers.ts';

test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: true });

/**
 * A second origin in front of the test server whose kiosk service worker can
 * change: to the browser that is exactly what a new build looks like.
 */
async function kioskWithNewerBuilds(target: string) {
	let build = 1;
	const server = http.createServer((incoming, outgoing) => {
		const headers = { ...incoming.headers, host: new URL(target).host };
		// A plain body (to append to) and never an empty 304 for the worker script.
		delete headers['accept-encoding'];
		delete headers['if-none-match'];
		delete headers['if-modified-since'];
		const changed = build > 1 && incoming.url?.startsWith('/kiosk/service-worker.js');
		const upstream = http.request(
			new URL(incoming.url ?? '/', target),
			{ method: incoming.method, headers },
			(answer) => {
				if (!changed) {
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(outgoing);
					return;
				}
				const chunks: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => chunks.push(chunk));
				answer.on('end', () => {
					const body = Buffer.concat([...chunks, Buffer.from(`\n// kiosk build ${build}\n`)]);
					const out = { ...answer.headers, 'content-length': String(body.length) };
					delete out['transfer-encoding'];
					outgoing.writeHead(answer.statusCode ?? 502, out);
					outgoing.end(body);
				});
			}
		);
		incoming.pipe(upstream);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		release: () => build++,
		close: () =>
			new Promise<void>((done) => {
				server.closeAllConnections();
				server.close(() => done());
			})
	};
}

const workers = (page: Page) =>
	page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		return {
			controlled: Boolean(navigator.serviceWorker.controller),
			waiting: Boolean(registration?.waiting)
		};
	});

test('a new version waits while a resident fills in a form, without a prompt, and takes over at Stop', async ({
	page,
	baseURL
}) => {
	const origin = await kioskWithNewerBuilds(baseURL!);
	try {
		await page.goto(`${origin.url}/kiosk/`);
		await expect(page.getByTestId('kiosk-start')).toBeVisible();
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		// The kiosk's own reset is its only reload: from then on the worker controls it.
		await page.getByTestId('kiosk-stop').click();
		await expect(page.getByTestId('kiosk-start')).toBeVisible();
		await expect.poll(() => workers(page)).toEqual({ controlled: true, waiting: false });

		// A resident starts a melding.
		await page.getByTestId('tile-report').click();
		await heading(page, 'Wat wil je melden?');
		const choice = page.getByRole('radio', { name: /Straatverlichting/ });
		await page.getByText('Straatverlichting', { exact: true }).click();
		await expect(choice).toBeChecked();
		await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

		// A new build appears and installs in the background.
		origin.release();
		await page.evaluate(async () => {
			await (await navigator.serviceWorker.getRegistration())?.update();
		});
		await expect.poll(async () => (await workers(page)).waiting, { timeout: 30_000 }).toBe(true);
		// No prompt in the kiosk, and nothing reloaded under the form.
		await expect(page.getByRole('region', { name: /nieuwe versie/ })).toHaveCount(0);
		await expect(page.getByText(/nieuwe versie/i)).toHaveCount(0);
		expect(
			await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)
		).toBe(true);
		await expect(choice).toBeChecked();

		// Stop: between residents the new version takes over.
		await page.getByTestId('kiosk-stop').click();
		await expect(page.getByTestId('kiosk-start')).toBeVisible();
		await expect.poll(() => workers(page)).toEqual({ controlled: true, waiting: false });
		expect(
			await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)
		).toBeUndefined();
	} finally {
		await origin.close();
	}
});
