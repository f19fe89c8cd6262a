// `stadsstem kiosk register` as a webpunt's IT runs it: the token, PIN and
// launch address are printed once and work at once; the server keeps neither
// in plain text; a second kiosk of the same name and a wrong idle time are
// refused with a sentence that says what to do.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { superuser } from '../pocketbase/tests/clients.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function register(...args: string[]) {
	return spawnSync(
		'node',
		[path.join(ROOT, 'cli/bin/stadsstem.js'), 'kiosk', 'register', ...args],
		{
			encoding: 'utf8',
			env: {
				...process.env,
				STADSSTEM_URL: inject('pbUrl'),
				STADSSTEM_SUPERUSER_EMAIL: inject('superuser').email,
				STADSSTEM_SUPERUSER_PASSWORD: inject('superuser').password
			}
		}
	);
}

const line = (output: string, label: string) =>
	output.match(new RegExp(`${label}:\\s+(\\S+)`))?.[1] ?? '';

describe('stadsstem kiosk register', () => {
	it('prints a token, a helper PIN and the launch address once, and they work', async () => {
		const name = `bib-permeke-${randomUUID().slice(0, 6)}`;
		const result = register(name, '--location', 'Bibliotheek Permeke, webpunt', '--idle', '180');
		expect(result.status, result.stderr).toBe(0);
		const token = line(result.stdout, 'token');
		const pin = line(result.stdout, 'helper PIN');
		expect(token).toMatch(/^kt_/);
		expect(pin).toMatch(/^\d{6}$/);
		expect(line(result.stdout, 'launch URL')).toBe(`${inject('pbUrl')}/kiosk/#kiosk=${token}`);

		const hello = await fetch(`${inject('pbUrl')}/api/stadsstem/kiosk/hello`, {
			headers: { 'X-Stadsstem-Kiosk': token }
		});
		expect(hello.status).toBe(200);
		expect(await hello.json()).toMatchObject({ idleSeconds: 180 });
		const unlock = await fetch(`${inject('pbUrl')}/api/stadsstem/kiosk/unlock`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Stadsstem-Kiosk': token },
			body: JSON.stringify({ pin })
		});
		expect(unlock.status).toBe(200);

		// Only hashes on the server: neither secret appears anywhere in the record.
		const admin = await superuser();
		const record = await admin
			.collection('kiosks')
			.getFirstListItem(admin.filter('name = {:name}', { name }));
		expect(record.location).toBe('Bibliotheek Permeke, webpunt');
		const stored = JSON.stringify(record);
		expect(stored).not.toContain(token);
		expect(stored).not.toContain(`"${pin}"`);
	});

	it('refuses a second kiosk with the same name, and an idle time out of range', () => {
		const name = `bib-zuid-${randomUUID().slice(0, 6)}`;
		expect(register(name, '--location', 'Bibliotheek Zuid').status).toBe(0);
		const again = register(name, '--location', 'Bibliotheek Zuid');
		expect(again.status).not.toBe(0);
		expect(again.stderr).toContain(`A kiosk named "${name}" exists already`);
		expect(again.stdout).not.toMatch(/token:/);

		const short = register(`${name}-2`, '--location', 'Bibliotheek Zuid', '--idle', '5');
		expect(short.status).not.toBe(0);
		expect(short.stderr).toContain('--idle is a whole number of seconds from 30 to 3600.');
	});
});
