/**
 * The compiled WebAssembly module of plain-csv.as.ts. AssemblyScript (a dev dependency, like
 * esbuild for the CLI's bundle) compiles it once per source version into
 * node_modules/.cache/stadsstem-cli/; later runs load the cached binary in a millisecond.
 * Undefined when it cannot be had (no compiler, a read-only cache): the caller then uses the
 * general reader, which reads every file, only slower.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = 'cli/journeys/input/wasm/plain-csv.as.ts';
/** Imports the module may call: AssemblyScript's runtime reports a failed allocation here. */
export const PLAIN_CSV_IMPORTS = {
	env: {
		abort() {
			throw new Error('the CSV scanner ran out of memory');
		}
	}
};

const OPTIONS = {
	optimizeLevel: 3,
	shrinkLevel: 0,
	runtime: 'minimal',
	noAssert: true,
	enable: ['simd'],
	// Keeps function names in the binary, so a CPU profile names them; no cost when running.
	debug: true
};

let loaded: Promise<WebAssembly.Module | undefined> | undefined;

export function plainCsvModule(): Promise<WebAssembly.Module | undefined> {
	loaded ??= load().catch(() => undefined);
	return loaded;
}

/**
 * Compiles the module now if it is not cached yet, saying so through `log`: `npm start` does this,
 * so that the first `stadsstem journeys summary` does not wait seconds for the compiler.
 */
export async function preparePlainCsvModule(log: (line: string) => void): Promise<void> {
	const target = cacheTarget();
	if (!target || existsSync(target.file)) return;
	log("Compiling the journey CLI's CSV scanner (once)…");
	if (!(await plainCsvModule()))
		log('The CSV scanner could not be compiled; the CLI reads CSV without it.');
}

/** The source, and where its compiled module is kept; undefined outside a checkout. */
function cacheTarget(): { source: string; file: string } | undefined {
	const root = repositoryRoot();
	if (!root) return undefined;
	const source = readFileSync(path.join(root, SOURCE), 'utf8');
	const key = createHash('sha256')
		.update(source + JSON.stringify(OPTIONS))
		.digest('hex')
		.slice(0, 16);
	return {
		source,
		file: path.join(root, 'node_modules/.cache/stadsstem-cli', `plain-csv-${key}.wasm`)
	};
}

async function load(): Promise<WebAssembly.Module | undefined> {
	const target = cacheTarget();
	if (!target) return undefined;
	const { source, file } = target;
	if (existsSync(file)) return new WebAssembly.Module(readFileSync(file));
	const asc = await import('assemblyscript/asc');
	const result = await asc.compileString(source, OPTIONS);
	if (result.error || !result.binary) throw result.error ?? new Error(result.stderr.toString());
	mkdirSync(path.dirname(file), { recursive: true });
	// Written then renamed: parallel runs never load half a binary.
	const partial = `${file}.${process.pid}.partial`;
	writeFileSync(partial, result.binary);
	renameSync(partial, file);
	return new WebAssembly.Module(result.binary as Uint8Array<ArrayBuffer>);
}

/** The checkout this file is in, from source or from the CLI's bundle in node_modules/.cache. */
function repositoryRoot(): string | undefined {
	let dir = path.dirname(fileURLToPath(import.meta.url));
	for (;;) {
		if (existsSync(path.join(dir, SOURCE))) return dir;
		const parent = path.dirname(dir);
		if (parent === dir) return undefined;
		dir = parent;
	}
}
