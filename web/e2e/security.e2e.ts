// The strict Content-Security-Policy must never break what residents use: the
// home page, a survey walk, the kiosk and the staff dashboard run without a
// single policy violation (issue 11).
import { expect, test, type Page } from '@playwright/test';

/** Collects CSP violations from the page and CSP messages from the console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
	const console: string[] = [];
	page.on('console', (message) => {
		if (/content security policy/i.test(message.text())) console.push(message.text());
	});
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) => {
			seen.push(`${event.violatedDirective} ${event.blockedURI}`);
		});
	});
	return async () => [
		...console,
		...(await page.evaluate(
			() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []
		))
	];
}

test('the citizen home page and a survey run without a policy violation', async ({ page }) => {
	const violations = await watchViolations(page);
	const response = await page.goto('/');
	expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geef je mening');

	await page.goto('/bevraging/tevredenheid-webpunt');
	await page.getByRole('button', { name: 'Start de bevraging' }).click();
	await expect(page.getByText('Stap 1 van 6')).toBeVisible();
	await page.getByRole('radio').first().check();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page.getByText('Stap 2 van 6')).toBeVisible();
	expect(await violations()).toEqual([]);
});

test('the melding form with its map runs without a policy violation', async ({ page }) => {
	const violations = await watchViolations(page);
	await page.goto('/melden');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(await violations()).toEqual([]);
});

test('the kiosk app boots under the policy', async ({ page }) => {
	const violations = await watchViolations(page);
	await page.goto('/kiosk/');
	await expect(page.locator('main, h1').first()).toBeVisible();
	expect(await violations()).toEqual([]);
});

test('the PocketBase dashboard still works under its own policy', async ({ page }) => {
	const violations = await watchViolations(page);
	await page.goto('/_/');
	await expect(page.getByLabel(/email/i)).toBeVisible();
	await expect(page.getByRole('button', { name: /login/i })).toBeVisible();
	expect(await violations()).toEqual([]);
});

test('the site refuses to be framed by another page', async ({ page, baseURL }) => {
	await page.setContent(`<iframe id="frame" src="${baseURL}/"></iframe>`);
	const frame = page.frameLocator('#frame');
	// The framed document is blocked: the heading of the home page never appears in it.
	await expect(frame.getByRole('heading', { name: 'Geef je mening' })).toHaveCount(0);
	const blocked = await page
		.locator('#frame')
		.evaluate((element) => (element as HTMLIFrameElement).contentDocument);
	expect(blocked).toBeNull();
});
