// axe on what the route tree does not list: the page for an address that does
// not exist. Every page of the tree is in pages.e2e.ts.
import { test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

test('axe: page not found, also at 200 % text in forced colours', async ({ page }) => {
	await page.goto('/bestaat-niet');
	await page.getByRole('heading', { level: 1 }).waitFor();
	await expectNoAxeViolations(page, 'page not found');
	await page.emulateMedia({ forcedColors: 'active' });
	await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
	await expectNoAxeViolations(page, 'page not found, 200 %, forced colours');
});
