// Marleen (67, first time on a tablet) at the webpunt in the library, with
// Youssef, the helper, beside her. He unlocks assisted mode with his PIN; she
// chooses big text, gives her opinion on the crossroads survey, files a
// melding and takes its code home as a QR. Then she walks away without
// pressing Stop, and the next visitor finds the start screen and nothing of her.
import { devices, expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import {
	answerCrossroadsSurvey,
	asSuperuser,
	expectNoTrace,
	expectQrOf,
	fileStreetLightMelding,
	heading,
	newKiosk,
	openCrossroadsSurvey,
	openKiosk,
	plantTraces,
	SHOTS
} from './kiosk-helpers.ts';

// A webpunt tablet in landscape, used by touch.
test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: true });

test('Marleen, with Youssef, answers a survey and files a melding in assisted mode; when she walks away the kiosk forgets her', async ({
	page,
	context,
	browser,
	baseURL
}) => {
	// A long walk with axe checks on every screen.
	test.setTimeout(180_000);
	const kiosk = await newKiosk(baseURL!);
	const marker = `marleen-${Date.now()}`;
	await openKiosk(page, kiosk, { idle: 60, assistedIdle: 180 });

	// Youssef mistypes his PIN once, then gets it right.
	await page.getByTestId('kiosk-assist-open').click();
	const pinDialog = page.getByRole('dialog', { name: 'Begeleide modus' });
	await expect(pinDialog).toBeVisible();
	await expectNoAxeViolations(page, 'PIN dialog');
	const wrong = kiosk.pin === '000000' ? '111111' : '000000';
	await pinDialog.getByLabel('Pincode').fill(wrong);
	await pinDialog.getByRole('button', { name: 'Begeleide modus aanzetten' }).click();
	await expect(pinDialog.getByRole('alert')).toHaveText(
		'Deze pincode klopt niet. Je kunt het nog 4 keer proberen.'
	);
	await expectNoAxeViolations(page, 'PIN dialog with an error');
	await pinDialog.getByLabel('Pincode').fill(kiosk.pin);
	await pinDialog.getByRole('button', { name: 'Begeleide modus aanzetten' }).click();
	await expect(pinDialog).toBeHidden();
	await expect(page.getByTestId('kiosk-assisted-badge')).toHaveText('Begeleide modus');
	// Youssef's tip fits the screen: on the start screen, what to ask first.
	const hint = page.getByTestId('kiosk-helper-hint');
	await expect(hint).toHaveText(/vraag wat de bewoner wil doen/);
	await expectNoAxeViolations(page, 'start screen, assisted');

	// Marleen chooses the biggest text.
	await page.getByTestId('kiosk-text-200').click();
	await expect(page.getByTestId('kiosk-text-200')).toHaveAttribute('aria-pressed', 'true');
	expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('200%');
	await expectNoAxeViolations(page, 'start screen at 200 % text, assisted');
	await page.screenshot({ path: `${SHOTS}/marleen-1-start-200.png` });

	// Before filling in for her, Youssef asks her consent.
	await openCrossroadsSurvey(page);
	const consent = page.getByRole('dialog', { name: 'Toestemming van de bewoner' });
	await expect(consent).toBeVisible();
	await expectNoAxeViolations(page, 'consent step');
	await page.screenshot({ path: `${SHOTS}/marleen-2-consent.png` });
	await consent.getByRole('button', { name: 'De bewoner geeft toestemming' }).click();
	await expect(consent).toBeHidden();

	await expect(hint).toHaveAttribute('data-hint', 'kiosk.hint.surveyIntro');

	await answerCrossroadsSurvey(page, marker);
	await expect(hint).toHaveText(/Verstuur pas als de bewoner akkoord is/);
	await expectNoAxeViolations(page, 'survey review at 200 %, assisted');
	await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/Bedankt|Dank/);
	await expect(hint).toHaveText(/toon de QR-code/);
	// The consent was for this survey: the thank-you page asks nothing.
	await expect(page.getByRole('dialog', { name: 'Toestemming van de bewoner' })).toHaveCount(0);

	// She takes the results' link home: a QR of the citizen site's results page.
	const slug = new URL(page.url()).pathname.split('/').at(-1)!;
	const handOff = page.getByTestId('kiosk-hand-off');
	await expect(handOff).toContainText('Deze kiosk onthoudt niets van jou.');
	await expectQrOf(
		handOff.getByRole('img', { name: 'QR-code met de link naar de resultaten van deze bevraging' }),
		`${baseURL}/bevraging/${slug}/resultaten`
	);
	await expectNoAxeViolations(page, 'survey thank-you with its QR at 200 %, assisted');
	await handOff.screenshot({ path: `${SHOTS}/marleen-2b-survey-qr.png` });

	// The server recorded the kiosk and that she was helped, nothing about who.
	const admin = await asSuperuser(baseURL!);
	const response = await admin
		.collection('responses')
		.getFirstListItem(admin.filter('answers ~ {:marker}', { marker }));
	expect(response).toMatchObject({ channel: 'kiosk', kiosk: kiosk.id, assisted: true });

	// Then a melding about the street light in front of her house: a new
	// form, so Youssef asks her consent again.
	await page.getByRole('link', { name: 'Stadsstem' }).first().click();
	const code = await fileStreetLightMelding(page, marker, { consent: true });
	const qr = page.getByRole('img', { name: `QR-code met de link naar melding ${code}` });
	// The QR leads to the citizen site's status page, for her grandson's phone.
	const statusUrl = `${baseURL}/melding/${code}`;
	await expectQrOf(qr, statusUrl);
	await expect(page.getByText('Deze kiosk onthoudt je code niet')).toBeVisible();
	await expect(page.getByText('Deze telefoon onthoudt')).toHaveCount(0);
	await expectNoAxeViolations(page, 'melding code and QR at 200 %, assisted');
	await page
		.getByRole('region', { name: 'Je code' })
		.screenshot({ path: `${SHOTS}/marleen-3-code.png` });
	const melding = await admin.collection('meldingen').getFirstListItem(`code = '${code}'`);
	expect(melding).toMatchObject({ channel: 'kiosk', kiosk: kiosk.id, assisted: true });
	// Her journey events say the same: this kiosk, assisted, and nothing about who.
	await expect
		.poll(async () =>
			(
				await admin.collection('journey_events').getFullList({
					filter: admin.filter('kiosk = {:kiosk} && assisted = true', { kiosk: kiosk.id })
				})
			).map((event) => event.process)
		)
		.toEqual(expect.arrayContaining(['melding', `survey:${slug}`]));

	// At home her grandson scans the QR with his phone: the status page opens there.
	const phone = await browser.newContext({ ...devices['Pixel 7'], locale: 'nl-BE' });
	const grandson = await phone.newPage();
	await grandson.goto(statusUrl);
	await expect(grandson.getByRole('heading', { level: 1, name: `Melding ${code}` })).toBeVisible();
	await phone.close();
	await plantTraces(page, marker);

	// She walks away. After the (assisted, longer) idle time a warning gives
	// the next touch a chance; nobody answers.
	await page.clock.fastForward(181_000);
	const warning = page.getByRole('dialog', { name: 'Ben je er nog?' });
	await expect(warning).toBeVisible();
	await expect(warning).toContainText(/Over (2\d|30) seconden/);
	await expect(warning.getByRole('button', { name: 'Ik ben er nog' })).toBeFocused();
	await expectNoAxeViolations(page, 'idle warning at 200 %, assisted');
	await page.screenshot({ path: `${SHOTS}/marleen-4-idle.png` });
	await page.clock.fastForward(31_000);

	// Two minutes later the next visitor finds the start screen, nothing of Marleen.
	await expectNoTrace(page, context, [marker, code]);
	await expect(page.getByTestId('kiosk-assisted-badge')).toHaveCount(0);
	await expect(page.getByTestId('kiosk-text-100')).toHaveAttribute('aria-pressed', 'true');
	expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('');
	// Assisted mode ended on the server too: the kiosk's session is gone.
	const record = await admin.collection('kiosks').getOne(kiosk.id);
	expect(record.assistedUntil).toBe('');
	await page.screenshot({ path: `${SHOTS}/marleen-5-after.png` });
});

test('"Ik ben er nog" keeps the visit and what was typed', async ({ page }) => {
	await openKiosk(page, null, { idle: 60 });
	await page.getByTestId('tile-follow').click();
	await heading(page, /melding/i);
	const field = page.getByRole('textbox').first();
	await field.fill('ABCD');
	await page.clock.fastForward(61_000);
	const warning = page.getByRole('dialog', { name: 'Ben je er nog?' });
	await expect(warning).toBeVisible();
	await warning.getByRole('button', { name: 'Ik ben er nog' }).click();
	await expect(warning).toBeHidden();
	await expect(field).toHaveValue('ABCD');
	// Twenty seconds later, still nothing reset: the idle time starts again.
	await page.clock.fastForward(20_000);
	await expect(field).toHaveValue('ABCD');
	await expect(warning).toBeHidden();
});
