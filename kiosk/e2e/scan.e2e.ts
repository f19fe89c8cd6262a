// "Follow my melding" by scanning: a resident holds the QR code of their
// melding up to the kiosk's camera and gets its status page. Chromium's fake
// camera plays a picture made here from a real melding's QR code.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import { fileStreetLightMelding, heading, openKiosk, SHOTS } from './kiosk-helpers.ts';

// One picture file per worker; Chromium opens it when the page asks for the camera.
const CAMERA = path.join(tmpdir(), `stadsstem-kiosk-camera-${process.pid}.y4m`);

test.use({
	viewport: { width: 1280, height: 800 },
	isMobile: false,
	hasTouch: true,
	launchOptions: {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run',
			'--disable-sync',
			'--disable-quic',
			'--use-fake-device-for-media-stream',
			`--use-file-for-fake-video-capture=${CAMERA}`
		]
	}
});

/** A one-frame Y4M video (grey levels only) of a QR code of `text` on white paper. */
function showToCamera(text: string): void {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
	const width = 640;
	const height = 480;
	const scale = Math.floor(360 / (qr.size + 8));
	const left = Math.floor((width - qr.size * scale) / 2);
	const top = Math.floor((height - qr.size * scale) / 2);
	const luma = Buffer.alloc(width * height, 235);
	for (let row = 0; row < qr.size; row++)
		for (let column = 0; column < qr.size; column++) {
			if (!qr.get(row, column)) continue;
			for (let y = 0; y < scale; y++)
				luma.fill(
					16,
					(top + row * scale + y) * width + left + column * scale,
					(top + row * scale + y) * width + left + (column + 1) * scale
				);
		}
	const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
	writeFileSync(
		CAMERA,
		Buffer.concat([
			Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`),
			luma,
			chroma
		])
	);
}

async function openScanner(page: Page) {
	await page.getByTestId('kiosk-scan').click();
	const dialog = page.getByRole('dialog', { name: 'Scan je QR-code' });
	await expect(dialog).toBeVisible();
	return dialog;
}

test('a resident scans the QR code of her melding and sees its status; another QR code is refused', async ({
	page,
	context
}) => {
	test.setTimeout(150_000);
	showToCamera('https://www.antwerpen.be/nl/overzicht/webpunten');
	await context.grantPermissions(['camera']);
	await openKiosk(page, null);
	const code = await fileStreetLightMelding(page, `scan-${Date.now()}`);
	await page.getByTestId('kiosk-stop').click();
	await expect(page.getByTestId('kiosk-start')).toBeVisible();

	await page.getByTestId('tile-follow').click();
	await heading(page, /melding/i);
	// A QR code that is not a melding's: said so, and the kiosk stays here.
	let dialog = await openScanner(page);
	await expect(dialog.getByRole('status')).toHaveText(
		'Deze QR-code hoort niet bij een melding. Probeer een andere, of typ de code.'
	);
	await expectNoAxeViolations(page, 'scan dialog, not a melding');
	await page.screenshot({ path: `${SHOTS}/scan-not-melding.png` });
	await dialog.getByRole('button', { name: 'Sluiten' }).click();
	await expect(dialog).toBeHidden();

	// The QR code from her done page: the status page of her melding opens.
	showToCamera(`http://127.0.0.1:8090/melding/${code}`);
	dialog = await openScanner(page);
	await heading(page, `Melding ${code}`);
	await expect(page).toHaveURL(new RegExp(`/kiosk/melding/${code}$`));
	await expect(dialog).toBeHidden();
	// The camera is off again.
	expect(
		await page.evaluate(() =>
			[...document.querySelectorAll('video')].some((video) => video.srcObject !== null)
		)
	).toBe(false);
});

test('without a camera, the kiosk says so and typing the code still works', async ({ page }) => {
	await openKiosk(page, null);
	await page.getByTestId('tile-follow').click();
	const dialog = await openScanner(page);
	await expect(dialog.getByRole('status')).toHaveText(
		'Scannen lukt niet: deze kiosk heeft geen camera die werkt. Typ de code, of vraag hulp aan een begeleider.'
	);
	await expectNoAxeViolations(page, 'scan dialog, no camera');
	await dialog.getByRole('button', { name: 'Sluiten' }).click();
	await expect(page.getByRole('textbox').first()).toBeVisible();
});
