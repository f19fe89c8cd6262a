import { describe, expect, it } from 'vitest';
import { codeFromScan } from './scan.ts';

describe('the code in a scanned QR', () => {
	it('comes from the status page address on the done page, the email or the kiosk', () => {
		expect(codeFromScan('https://stadsstem.antwerpen.be/melding/ABCD2345')).toBe('ABCD2345');
		expect(codeFromScan('http://127.0.0.1:8090/melding/abcd2345/')).toBe('ABCD2345');
		expect(codeFromScan('https://stadsstem.antwerpen.be/kiosk/melding/ABCD2345')).toBe('ABCD2345');
	});

	it('is a plain code too, written the way people write it', () => {
		expect(codeFromScan(' abcd-2345 ')).toBe('ABCD2345');
		expect(codeFromScan('ABCD 2345')).toBe('ABCD2345');
	});

	it('is nothing for other QR codes: another page, another scheme, a code that cannot exist', () => {
		expect(codeFromScan('https://www.antwerpen.be/nl/overzicht/webpunten')).toBeNull();
		expect(codeFromScan('https://stadsstem.antwerpen.be/melding/ABCD2345/extra')).toBeNull();
		expect(codeFromScan('javascript:alert(1)//melding/ABCD2345')).toBeNull();
		// 0, 1, I and O are never in a code: they look too much alike.
		expect(codeFromScan('https://stadsstem.antwerpen.be/melding/ABCD0123')).toBeNull();
		expect(codeFromScan('WIFI:S:bibliotheek;T:WPA;P:geheim;;')).toBeNull();
		expect(codeFromScan('')).toBeNull();
	});
});
