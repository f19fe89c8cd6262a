// axe on the kiosk screens that are states within a page: the survey list
// behind the opinion tile and a survey question, normal, at 200 % text, in high
// contrast, in assisted mode. Every kiosk page as it first shows is in
// accessibility/pages.e2e.ts (the Marleen walk covers the consent step, the PIN dialog, the
// survey's review and thank-you page with its QR, the melding's code and the
// idle warning there; Ahmed's covers the QR dialog; assisted.e2e.ts the locked
// PIN and the melding's status page; offline.e2e.ts the offline messages).
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import { newKiosk, openCrossroadsSurvey, openKiosk, SHOTS } from './kiosk-helpers.ts';

test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: true });

const screens: { name: string; open: (page: Page) => Promise<void> }[] = [
	{
		name: 'surveys',
		open: async (page) => {
			await page.getByTestId('tile-opinion').click();
			await expect(page.getByTestId('kiosk-surveys')).toBeVisible();
		}
	},
	{
		name: 'survey question',
		open: async (page) => {
			await openCrossroadsSurvey(page);
			await page.getByRole('button', { name: 'Start de bevraging' }).click();
			await expect(page.getByRole('button', { name: 'Volgende' })).toBeVisible();
		}
	}
];

for (const screen of screens) {
	test(`kiosk screen "${screen.name}" passes axe at normal and 200 % text, in high contrast and assisted`, async ({
		page,
		baseURL
	}) => {
		test.setTimeout(120_000);
		const kiosk = await newKiosk(baseURL!);
		await openKiosk(page, kiosk);
		await screen.open(page);
		await expectNoAxeViolations(page, `${screen.name}`);

		await page.getByTestId('kiosk-text-200').click();
		await expectNoAxeViolations(page, `${screen.name} at 200 %`);
		await page.getByTestId('kiosk-contrast').click();
		await expectNoAxeViolations(page, `${screen.name} at 200 %, high contrast`);
		await page.screenshot({ path: `${SHOTS}/axe-${screen.name}-200-contrast.png` });

		await page.getByTestId('kiosk-assist-open').click();
		await page.getByLabel('Pincode').fill(kiosk.pin);
		await page.getByRole('button', { name: 'Begeleide modus aanzetten' }).click();
		await expect(page.getByTestId('kiosk-assisted-badge')).toBeVisible();
		const consent = page.getByRole('dialog', { name: 'Toestemming van de bewoner' });
		if (await consent.isVisible()) {
			await expectNoAxeViolations(page, `${screen.name}, consent`);
			await consent.getByRole('button', { name: 'De bewoner geeft toestemming' }).click();
		}
		await expectNoAxeViolations(page, `${screen.name} at 200 %, high contrast, assisted`);
	});
}
