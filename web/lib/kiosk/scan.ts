// "Follow my melding" by scanning: the QR code a resident brings along (from
// the done page, an email or a paper note) holds the status page's address;
// a plain code in a QR is accepted too. Only the code is taken from it: the
// kiosk opens its own status page and never the scanned address itself.

const CODE = /^[2-9A-HJ-NP-Z]{8}$/;

/** The melding code in a scanned text, or null when it holds none. */
export function codeFromScan(text: string): string | null {
	const trimmed = text.trim();
	const plain = trimmed.toUpperCase().replace(/[\s-]/g, '');
	if (CODE.test(plain)) return plain;
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	const match = url.pathname.match(/^(?:\/kiosk)?\/melding\/([^/]+)\/?$/);
	const code = match ? decodeURIComponent(match[1]).toUpperCase() : '';
	return CODE.test(code) ? code : null;
}
