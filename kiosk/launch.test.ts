// kiosk/launch as a webpunt's tablet runs it, with a fake `chromium` that
// records how it was started: the kiosk address with the token in the
// fragment, a throwaway profile that is gone afterwards, and the flags that
// keep a resident inside the app.
import { spawnSync } from 'node:child_process';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const LAUNCH = join(import.meta.dirname, 'launch');

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'kiosk-launch-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A stand-in for Chromium: writes its arguments (one per line) and whether its
 * profile folder exists to `runs/N`; on run `killAt` it stops the launcher the
 * way systemd does (SIGTERM).
 */
function fakeChromium(killAt: number): void {
	const path = join(dir, 'chromium');
	writeFileSync(
		path,
		`#!/usr/bin/env bash
mkdir -p "${dir}/runs"
n=$(( $(ls "${dir}/runs" | wc -l) + 1 ))
printf '%s\\n' "$@" > "${dir}/runs/$n"
for arg in "$@"; do
	case "$arg" in --user-data-dir=*) [ -d "\${arg#--user-data-dir=}" ] && echo "PROFILE_EXISTS" >> "${dir}/runs/$n";; esac
done
if [ "$n" = "${killAt}" ]; then kill -TERM "$PPID"; fi
exit 0
`
	);
	chmodSync(path, 0o755);
}

function launch(env: Record<string, string>, config?: string, killAt = 0) {
	fakeChromium(killAt);
	const configPath = join(dir, 'kiosk.env');
	if (config !== undefined) writeFileSync(configPath, config);
	const profiles = join(dir, 'tmp');
	rmSync(profiles, { recursive: true, force: true });
	mkdirSync(profiles, { recursive: true });
	const result = spawnSync('bash', [LAUNCH], {
		env: {
			// The fake chromium comes first on PATH, as Debian's would be found.
			PATH: `${dir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
			TMPDIR: profiles,
			STADSSTEM_KIOSK_CONFIG: configPath,
			...env
		},
		encoding: 'utf8',
		timeout: 30_000
	});
	return { ...result, profiles };
}

function run(n: number): string[] {
	const path = join(dir, 'runs', String(n));
	return existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n') : [];
}

const value = (args: string[], flag: string) =>
	args.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1);

describe('kiosk/launch', () => {
	it('opens the kiosk address with the token in the fragment from /etc/stadsstem/kiosk.env', () => {
		const result = launch(
			{ STADSSTEM_KIOSK_ONCE: '1' },
			'STADSSTEM_URL=https://stadsstem.example.be/\nSTADSSTEM_KIOSK_TOKEN=kt_abc123\nSTADSSTEM_KIOSK_IDLE=90\n'
		);
		expect(result.status, result.stderr).toBe(0);
		const args = run(1);
		expect(args).toContain('--kiosk');
		// One slash before kiosk/, and the fragment never reaches the server's logs.
		expect(value(args, '--app')).toBe(
			'https://stadsstem.example.be/kiosk/#kiosk=kt_abc123&idle=90'
		);
		expect(run(2)).toEqual([]);
	});

	it('starts with a fresh, empty profile and removes it when the browser ends', () => {
		const result = launch({
			STADSSTEM_KIOSK_ONCE: '1',
			STADSSTEM_URL: 'https://stadsstem.example.be',
			STADSSTEM_KIOSK_TOKEN: 'kt_x'
		});
		expect(result.status, result.stderr).toBe(0);
		const args = run(1);
		const profile = value(args, '--user-data-dir') ?? '';
		expect(profile.startsWith(join(result.profiles, 'stadsstem-kiosk.'))).toBe(true);
		expect(args).toContain('PROFILE_EXISTS');
		expect(existsSync(profile)).toBe(false);
	});

	it('turns off pinch, swipe-back, translate, error dialogs and background networking', () => {
		launch({
			STADSSTEM_KIOSK_ONCE: '1',
			STADSSTEM_URL: 'https://stadsstem.example.be',
			STADSSTEM_KIOSK_TOKEN: 'kt_x'
		});
		const args = run(1);
		for (const flag of [
			'--disable-pinch',
			'--overscroll-history-navigation=0',
			'--disable-translate',
			'--noerrdialogs',
			'--disable-session-crashed-bubble',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		])
			expect(args, flag).toContain(flag);
		const disabled = (value(args, '--disable-features') ?? '').split(',');
		for (const feature of [
			'Translate',
			'OverscrollHistoryNavigation',
			'TouchpadOverscrollHistoryNavigation'
		])
			expect(disabled, feature).toContain(feature);
	});

	it('runs without assisted mode when no token is set, and says so', () => {
		const result = launch({
			STADSSTEM_KIOSK_ONCE: '1',
			STADSSTEM_URL: 'https://stadsstem.example.be'
		});
		expect(result.status).toBe(0);
		expect(result.stderr).toContain('no STADSSTEM_KIOSK_TOKEN');
		expect(value(run(1), '--app')).toBe('https://stadsstem.example.be/kiosk/');
	});

	it('restarts a browser that ends, each time with a new profile, and stops on SIGTERM', () => {
		const result = launch(
			{ STADSSTEM_URL: 'https://stadsstem.example.be', STADSSTEM_KIOSK_TOKEN: 'kt_x' },
			undefined,
			2
		);
		expect(result.status).toBe(143);
		const first = value(run(1), '--user-data-dir');
		const second = value(run(2), '--user-data-dir');
		expect(first).toBeTruthy();
		expect(second).toBeTruthy();
		expect(second).not.toBe(first);
		expect(run(2)).toContain('PROFILE_EXISTS');
		expect(value(run(2), '--app')).toBe('https://stadsstem.example.be/kiosk/#kiosk=kt_x');
		expect(run(3)).toEqual([]);
		// Nothing of either profile is left on the disk.
		expect(readdirSync(result.profiles)).toEqual([]);
	});

	it('refuses to start without a server address or without Chromium, with a clear message', () => {
		const noUrl = launch({ STADSSTEM_KIOSK_ONCE: '1' });
		expect(noUrl.status).not.toBe(0);
		expect(noUrl.stderr).toContain('Set STADSSTEM_URL');
		expect(run(1)).toEqual([]);

		const noBrowser = launch({
			CHROMIUM: join(dir, 'not-there'),
			STADSSTEM_KIOSK_ONCE: '1',
			STADSSTEM_URL: 'https://stadsstem.example.be'
		});
		expect(noBrowser.status).not.toBe(0);
		expect(noBrowser.stderr).toContain('apt-get install chromium');
	});
});
