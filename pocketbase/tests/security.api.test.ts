// Security headers on everything the server sends (issue 11): the apps, a deep
// link into each, the API and Open311, and the PocketBase dashboard.
import { createHash } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';

const base = () => inject('pbUrl');

/** Parses a Content-Security-Policy into directive -> sources. */
function parseCsp(header: string | null): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of (header ?? '').split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) directives.set(name, sources);
	}
	return directives;
}

function expectCommonHeaders(response: Response) {
	expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	expect(response.headers.get('referrer-policy')).toBe('no-referrer');
	expect(response.headers.get('x-frame-options')).toBe('DENY');
	const permissions = response.headers.get('permissions-policy') ?? '';
	expect(permissions).toContain('geolocation=(self)');
	expect(permissions).toContain('camera=(self)');
	expect(permissions).toContain('microphone=()');
	expect(permissions).toContain('payment=()');
	// Served over plain HTTP: HSTS would be meaningless and is not sent.
	expect(response.headers.get('strict-transport-security')).toBeNull();
}

describe('the apps', () => {
	for (const path of ['/', '/kiosk/', '/melding/ABCDEFGH', '/bevraging/tevredenheid-webpunt']) {
		it(`${path} has a strict policy that allows only its own hashed boot script`, async () => {
			const response = await fetch(`${base()}${path}`);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toContain('text/html');
			expectCommonHeaders(response);
			const csp = parseCsp(response.headers.get('content-security-policy'));
			expect(csp.get('default-src')).toEqual(["'self'"]);
			expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
			expect(csp.get('object-src')).toEqual(["'none'"]);
			expect(csp.get('base-uri')).toEqual(["'self'"]);
			expect(csp.get('worker-src')).toEqual(["'self'"]);
			expect(csp.get('connect-src')).toEqual(["'self'"]);
			const scripts = csp.get('script-src') ?? [];
			expect(scripts).not.toContain("'unsafe-inline'");
			expect(scripts).not.toContain("'unsafe-eval'");
			expect(scripts.filter((source) => !source.startsWith("'sha256-"))).toEqual(["'self'"]);

			// Every inline script in the page is allowed by its hash, and nothing else is.
			const html = await response.text();
			const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
			expect(inline.length).toBeGreaterThan(0);
			for (const script of inline) {
				const hash = createHash('sha256').update(script).digest('base64');
				expect(scripts).toContain(`'sha256-${hash}'`);
			}
		});
	}
});

describe('the API', () => {
	for (const path of [
		'/api/health',
		'/api/collections/surveys/records',
		'/api/stadsstem/decisions',
		'/api/stadsstem/meldingen/ABCDEFGH',
		'/open311/v2/services.json'
	]) {
		it(`${path} forbids rendering and framing`, async () => {
			const response = await fetch(`${base()}${path}`);
			expect(response.status).toBeLessThan(500);
			expectCommonHeaders(response);
			const csp = parseCsp(response.headers.get('content-security-policy'));
			expect(csp.get('default-src')).toEqual(["'none'"]);
			expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
		});
	}

	it('a refused write carries the headers too', async () => {
		const response = await fetch(`${base()}/api/collections/meldingen/records`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}'
		});
		expect(response.status).toBe(400);
		expectCommonHeaders(response);
	});
});

describe('HTTPS', () => {
	it('sends HSTS when the request reached the proxy over HTTPS', async () => {
		const response = await fetch(`${base()}/`, { headers: { 'x-forwarded-proto': 'https' } });
		expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
	});
});

describe('the PocketBase dashboard', () => {
	it('keeps its own looser policy, still never framed', async () => {
		const response = await fetch(`${base()}/_/`);
		expect(response.status).toBe(200);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('no-referrer');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		const csp = parseCsp(response.headers.get('content-security-policy'));
		expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
		expect(csp.get('script-src')).toContain("'self'");
	});
});
