// Builds the two web variants from one source, one after the other (DESIGN.md
// §3), and only when their sources changed: `npm start` and the test runs call
// this so a fresh clone and a stale build both end up current.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VARIANTS = ['citizen', 'kiosk'] as const;
export type Variant = (typeof VARIANTS)[number];

const SOURCES = [
	'web',
	'surveys',
	'kiosk',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];

export function buildDir(variant: Variant): string {
	return path.join(REPO_ROOT, 'build', variant);
}

function newestMtime(entry: string): number {
	if (!existsSync(entry)) return 0;
	const stat = statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const child of readdirSync(entry)) {
		if (child === 'node_modules' || child === 'e2e') continue;
		newest = Math.max(newest, newestMtime(path.join(entry, child)));
	}
	return newest;
}

export function isBuildStale(variant: Variant): boolean {
	const index = path.join(buildDir(variant), 'index.html');
	if (!existsSync(index)) return true;
	const builtAt = statSync(index).mtimeMs;
	return SOURCES.some((source) => newestMtime(path.join(REPO_ROOT, source)) > builtAt);
}

export function build(variant: Variant): void {
	const args = ['vite', 'build', ...(variant === 'kiosk' ? ['--mode', 'kiosk'] : [])];
	const result = spawnSync('npx', args, {
		cwd: REPO_ROOT,
		stdio: ['ignore', 'inherit', 'inherit'],
		// A build started from a test runner inherits NODE_ENV=test, which makes
		// Vite build in development mode: `dev` is true and no service worker registers.
		env: { ...process.env, NODE_ENV: 'production', STADSSTEM_VARIANT: variant }
	});
	if (result.status !== 0) throw new Error(`The ${variant} build failed (see above).`);
}

/**
 * Two test runs started together must not build into the same folders at
 * once: a lock folder serialises them, and a stale lock (a killed run) expires.
 */
function withBuildLock(work: () => void): void {
	const lock = path.join(REPO_ROOT, '.svelte-kit', 'build.lock');
	mkdirSync(path.dirname(lock), { recursive: true });
	const deadline = Date.now() + 10 * 60_000;
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch {
			const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
			if (age > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
			if (Date.now() > deadline)
				throw new Error(`Another build holds ${lock}; remove it if no build runs.`);
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
		}
	}
	try {
		work();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

export function ensureBuilds(log: (line: string) => void = () => {}): void {
	if (VARIANTS.every((variant) => !isBuildStale(variant))) return;
	withBuildLock(() => {
		for (const variant of VARIANTS) {
			if (!isBuildStale(variant)) continue;
			log(`Building the ${variant} app…`);
			build(variant);
		}
	});
}

// `node scripts/build.ts [variant…]` via tsx: build the named variants (default both).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const wanted = process.argv.slice(2) as Variant[];
	for (const variant of wanted.length ? wanted : VARIANTS) build(variant);
}
