// Stop resets on purpose: after a full survey and a melding, nothing of the
// visit remains in storage, IndexedDB, caches (other than the app shell),
// cookies, notifications, the page or its history.
import { expect, test } from '@playwright/test';
import {
	answerCrossroadsSurvey,
	asSuperuser,
	expectNoTrace,
	fileStreetLightMelding,
	newKiosk,
	openCrossroadsSurvey,
	openKiosk,
	plantTraces,
	traces
} from './kiosk-helpers.ts';

test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: true });

test('Stop after a survey and a melding leaves no trace of the visit', async ({
	page,
	context,
	baseURL
}) => {
	test.setTimeout(150_000);
	const kiosk = await newKiosk(baseURL!);
	const marker = `stop-${Date.now()}`;
	await openKiosk(page, kiosk);
	const firstLength = await page.evaluate(() => history.length);

	await openCrossroadsSurvey(page);
	await answerCrossroadsSurvey(page, marker);
	await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/Bedankt|Dank/);
	await page.getByRole('link', { name: 'Stadsstem' }).first().click();
	const code = await fileStreetLightMelding(page, marker);
	await plantTraces(page, marker);

	// Unassisted: the server knows the kiosk, and that nobody helped.
	const admin = await asSuperuser(baseURL!);
	const melding = await admin.collection('meldingen').getFirstListItem(`code = '${code}'`);
	expect(melding).toMatchObject({ channel: 'kiosk', kiosk: kiosk.id, assisted: false });

	// The visit did leave things behind before Stop, so the checks below mean something.
	const before = await traces(page, context);
	expect(before.localStorage.length).toBeGreaterThan(0);
	expect(before.indexedDb).toContain(`user-${marker}`);
	expect(before.caches).toContain('api-responses');
	expect(before.cookies.length).toBeGreaterThan(0);
	expect(before.notifications).toEqual([`Melding ${marker}`]);
	expect(before.historyLength).toBe(firstLength);

	await page.getByTestId('kiosk-stop').click();
	await expectNoTrace(page, context, [marker, code]);
	expect(await page.evaluate(() => history.length)).toBe(firstLength);
	// The device still knows it is a kiosk: its next submission is stamped again.
	expect(
		await page.evaluate(() => JSON.parse(sessionStorage.getItem('stadsstem.kiosk.device')!).token)
	).toBe(kiosk.token);
});
