// `stadsstem privacy erase` against a real, seeded server: it shows what it
// will erase, erases only after a yes (or --yes), and a no changes nothing.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { anonymous, superuser } from '../../pocketbase/tests/clients.ts';
import { categoryId, freshSpot } from '../../pocketbase/tests/melding-helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function cli(args: string[], input = '', password?: string) {
	const { email, password: superPassword } = inject('superuser');
	const result = spawnSync(
		process.execPath,
		[path.join(ROOT, 'cli/bin/stadsstem.js'), 'privacy', 'erase', ...args],
		{
			cwd: ROOT,
			encoding: 'utf8',
			input,
			env: {
				...process.env,
				STADSSTEM_URL: inject('pbUrl'),
				STADSSTEM_SUPERUSER_EMAIL: email,
				STADSSTEM_SUPERUSER_PASSWORD: password ?? superPassword
			}
		}
	);
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let su: PocketBase;

/** A person with one melding of their own, one follow and one decision subscription. */
async function person() {
	const email = `wis-${randomUUID().slice(0, 8)}@example.org`;
	const category = await categoryId(su, 'zwerfvuil');
	const own = await anonymous().collection('meldingen').create({
		category,
		location: freshSpot(),
		email,
		channel: 'web',
		language: 'nl',
		clientId: randomUUID()
	});
	const other = await anonymous().collection('meldingen').create({
		category,
		location: freshSpot(),
		email: 'buur@example.org',
		channel: 'web',
		language: 'nl',
		clientId: randomUUID()
	});
	await anonymous().send(`/api/stadsstem/meldingen/${other.id}/follow`, {
		method: 'POST',
		body: { clientId: randomUUID(), email }
	});
	await su.collection('decision_subscriptions').create({
		email,
		theme: 'mobiliteit',
		token: randomUUID().replace(/-/g, '')
	});
	return { email, own, other };
}

async function stored(email: string) {
	const filter = su.filter('email = {:email}', { email });
	const count = async (collection: string) =>
		(await su.collection(collection).getList(1, 1, { filter })).totalItems;
	return {
		meldingen: await count('meldingen'),
		followers: await count('melding_followers'),
		subscriptions: await count('decision_subscriptions')
	};
}

beforeAll(async () => {
	su = await superuser();
});

describe('stadsstem privacy erase', () => {
	it('shows what it will erase and changes nothing when the answer is no', async () => {
		const { email } = await person();
		const declined = cli([email.toUpperCase()], 'nee\n');
		expect(declined.stdout).toContain(`For ${email} this erases:`);
		expect(declined.stdout).toContain('the address on 1 melding(en)');
		expect(declined.stdout).toContain('1 follow(s)');
		expect(declined.stdout).toContain('1 subscription(s)');
		expect(declined.stdout).toContain('Nothing erased.');
		expect(declined.code).toBe(1);
		// No answer at all (a closed pipe) is a no too.
		expect(cli([email], '').stdout).toContain('Nothing erased.');
		expect(await stored(email)).toEqual({ meldingen: 1, followers: 1, subscriptions: 1 });
	});

	it('erases after a yes, and only that address', async () => {
		const { email, own, other } = await person();
		const erased = cli([email], 'yes\n');
		expect(erased.code).toBe(0);
		expect(erased.stdout).toContain('Erased:');
		expect(await stored(email)).toEqual({ meldingen: 0, followers: 0, subscriptions: 0 });
		// The meldingen stay, without the address; the neighbour's address is untouched.
		expect((await su.collection('meldingen').getOne(own.id)).email).toBe('');
		expect((await su.collection('meldingen').getOne(other.id)).email).toBe('buur@example.org');
	});

	it('--yes erases without asking; a second run finds nothing', async () => {
		const { email } = await person();
		const erased = cli([email, '--yes']);
		expect(erased.code).toBe(0);
		expect(erased.stdout).toContain('Erased:');
		expect(await stored(email)).toEqual({ meldingen: 0, followers: 0, subscriptions: 0 });
		const again = cli([email, '--yes']);
		expect(again.code).toBe(0);
		expect(again.stdout).toContain(`Nothing is stored for ${email}`);
	});

	it('refuses a malformed address and a wrong password with one sentence', async () => {
		const bad = cli(['geen-adres', '--yes']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toBe('stadsstem: geen-adres is not a valid email address.\n');
		const { email } = await person();
		const wrong = cli([email, '--yes'], '', 'wrong-password');
		expect(wrong.code).toBe(1);
		expect(wrong.stderr).toMatch(/^stadsstem: Could not log in to /);
		expect(await stored(email)).toEqual({ meldingen: 1, followers: 1, subscriptions: 1 });
	});
});
