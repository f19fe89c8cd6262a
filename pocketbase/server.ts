// Builds, prepares and starts the PocketBase server process. Shared by
// `stadsstem serve` (npm start), the API and browser test harnesses and the
// benchmarks, so that all of them run the same real server the same way.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export const POCKETBASE_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(POCKETBASE_DIR, '..');
const BUILT_BINARY = path.join(POCKETBASE_DIR, 'stadsstem-server');
const GO_SOURCES = ['main.go', 'go.mod', 'go.sum'];

/** A problem the person starting the server can fix: shown as one sentence. */
export class ServerSetupError extends Error {
	override name = 'ServerSetupError';
}

/**
 * Returns the path of a PocketBase binary: POCKETBASE_BIN when set, else ours,
 * (re)built with `go build` when missing or older than its Go sources.
 */
export function ensureServerBinary(
	log: (line: string) => void = () => {},
	binary = BUILT_BINARY
): string {
	const fromEnv = process.env.POCKETBASE_BIN;
	if (fromEnv) {
		if (!existsSync(fromEnv)) {
			throw new ServerSetupError(
				`POCKETBASE_BIN points to ${fromEnv}, but there is no file there.`
			);
		}
		return path.resolve(fromEnv);
	}
	if (existsSync(binary) && !sourcesNewerThan(binary)) return binary;

	const go = spawnSync('go', ['version'], { encoding: 'utf8' });
	if (go.error || go.status !== 0) {
		throw new ServerSetupError(
			'Stadsstem builds its server with Go: install Go 1.25 or newer, or set POCKETBASE_BIN to a PocketBase-compatible binary.'
		);
	}
	log('Building the server with Go (the first time takes a few minutes)…');
	const build = spawnSync('go', ['build', '-o', binary, '.'], {
		cwd: POCKETBASE_DIR,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, CGO_ENABLED: '0' }
	});
	if (build.status !== 0) {
		throw new ServerSetupError(
			'Building the server with `go build` in pocketbase/ failed (see above).'
		);
	}
	return binary;
}

function sourcesNewerThan(binary: string): boolean {
	const builtAt = statSync(binary).mtimeMs;
	return GO_SOURCES.some((file) => {
		const source = path.join(POCKETBASE_DIR, file);
		return existsSync(source) && statSync(source).mtimeMs > builtAt;
	});
}

/**
 * Bundles the pure TypeScript modules the JS hooks share with the app (survey
 * schema, validator, results) into CommonJS for PocketBase's goja runtime.
 * Generated at every start, so the server can never run an outdated copy.
 */
export function bundleHookLibraries(): void {
	const libraries = [
		['surveys/server-bundle.ts', 'surveys.cjs'],
		// The meldingen status flow, shared with the staff pages.
		['web/lib/components/meldingen/status.ts', 'meldingen-status.cjs'],
		// Antwerp's districts, shared with the app and the CLI.
		['web/lib/api/districts.ts', 'districts.cjs']
	];
	for (const [entry, output] of libraries) {
		buildSync({
			entryPoints: [path.join(REPO_ROOT, entry)],
			outfile: path.join(POCKETBASE_DIR, 'pb_hooks/lib/generated', output),
			bundle: true,
			format: 'cjs',
			platform: 'neutral',
			target: 'es2017',
			banner: { js: `// Generated from ${entry} by pocketbase/server.ts: do not edit.` },
			logLevel: 'error'
		});
	}
}

export interface ServerOptions {
	binary: string;
	dataDir: string;
	host: string;
	port: number;
	publicDir?: string;
	kioskDir?: string;
	/** Extra environment for the server, e.g. SMTP settings in tests. */
	env?: Record<string, string>;
	/** Where the server's own output goes; defaults to being discarded. */
	stdio?: 'inherit' | 'ignore' | 'pipe';
}

function commonFlags(dataDir: string): string[] {
	return [
		`--dir=${dataDir}`,
		`--migrationsDir=${path.join(POCKETBASE_DIR, 'pb_migrations')}`,
		`--hooksDir=${path.join(POCKETBASE_DIR, 'pb_hooks')}`
	];
}

/** Checks that the data dir can be created and written, before anything is written into it. */
export function ensureWritableDir(dir: string): void {
	try {
		mkdirSync(dir, { recursive: true });
		accessSync(dir, constants.W_OK);
	} catch {
		throw new ServerSetupError(
			`The data folder ${dir} cannot be written: choose another with STADSSTEM_DATA_DIR or fix its permissions.`
		);
	}
}

/**
 * Applies pending migrations. Each migration runs in its own transaction, so a
 * failing one leaves the database as it was before that migration.
 */
export function migrate(binary: string, dataDir: string): void {
	bundleHookLibraries();
	const result = spawnSync(binary, ['migrate', 'up', ...commonFlags(dataDir)], {
		encoding: 'utf8'
	});
	if (result.status !== 0) {
		const output = (result.stderr || result.stdout || '').trim().split('\n');
		// A broken migration file makes the server panic: its first line names the file and the error.
		const reason =
			output.find((line) => /^(panic|Error):/.test(line)) ?? output.slice(-3).join(' ');
		throw new ServerSetupError(`A database migration failed, nothing of it was applied: ${reason}`);
	}
}

export function upsertSuperuser(
	binary: string,
	dataDir: string,
	email: string,
	password: string
): void {
	// `--` ends the flags: a generated password may start with a dash, which the
	// binary would otherwise read as an unknown flag (and still exit with 0).
	const result = spawnSync(
		binary,
		['superuser', 'upsert', ...commonFlags(dataDir), '--', email, password],
		{ encoding: 'utf8' }
	);
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
	if (result.status !== 0 || !/Successfully saved superuser/.test(output)) {
		throw new ServerSetupError(`Could not create the superuser account: ${output.trim()}`);
	}
}

/** Resolves to true when nothing listens on host:port yet. */
export function isPortFree(host: string, port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, host, () => probe.close(() => resolve(true)));
	});
}

/** A port the OS has just handed out, for test servers that must not collide. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

export interface RunningServer {
	url: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

/** Starts `serve` and resolves once /api/health answers. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
	bundleHookLibraries();
	if (!(await isPortFree(options.host, options.port))) {
		throw new ServerSetupError(
			`Port ${options.port} on ${options.host} is already in use: stop what runs there or choose another with PORT.`
		);
	}
	const args = [
		'serve',
		`--http=${options.host}:${options.port}`,
		...commonFlags(options.dataDir),
		'--hooksWatch=false',
		'--automigrate=false',
		`--publicDir=${options.publicDir ?? path.join(REPO_ROOT, 'build/citizen')}`,
		`--kioskDir=${options.kioskDir ?? path.join(REPO_ROOT, 'build/kiosk')}`
	];
	const child = spawn(options.binary, args, {
		env: { ...process.env, ...options.env },
		stdio: ['ignore', options.stdio ?? 'ignore', options.stdio ?? 'ignore']
	});
	const url = `http://${options.host}:${options.port}`;
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);

	const deadline = Date.now() + 60_000;
	for (;;) {
		const state = await Promise.race([exited.then(() => 'exited' as const), healthy(url)]);
		if (state === 'exited')
			throw new ServerSetupError(
				`The server stopped while starting (exit code ${child.exitCode}).`
			);
		if (state === true) break;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new ServerSetupError('The server did not answer on /api/health within a minute.');
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}

	return {
		url,
		process: child,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
	};
}

async function healthy(url: string): Promise<boolean> {
	try {
		const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
		return response.ok;
	} catch {
		return false;
	}
}
