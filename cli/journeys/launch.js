// Runs `stadsstem journeys …` from one esbuild bundle of cli/journeys/main.ts, cached in
// node_modules/.cache/stadsstem-cli and rebuilt when any of its sources changes (size or mtime).
// tsx would compile nothing new here but still costs about half a second of start-up, which is
// most of the time for a million-event summary. Plain JavaScript: it runs before any TypeScript
// loader. Returns false when the bundle cannot be made, and the caller falls back to tsx.
import {
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = path.join(root, 'node_modules/.cache/stadsstem-cli');
const manifestFile = path.join(cacheDir, 'journeys.json');
const entry = path.join(root, 'cli/journeys/main.ts');
const workerEntry = path.join(root, 'cli/journeys/input/csv-part-worker.ts');

/** A key that changes when any input file changes; undefined when one is gone. */
function keyOf(inputs) {
	let key = '';
	for (const input of inputs) {
		try {
			const stat = statSync(path.join(root, input));
			key += `${input}:${stat.size}:${stat.mtimeMs};`;
		} catch {
			return undefined;
		}
	}
	// FNV-1a is plenty to name a cache file.
	let hash = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
	return (hash >>> 0).toString(36);
}

function cached() {
	try {
		const { inputs } = JSON.parse(readFileSync(manifestFile, 'utf8'));
		const key = keyOf(inputs);
		const file = key && path.join(cacheDir, `journeys-${key}.mjs`);
		if (file && statSync(file).isFile()) return file;
	} catch {
		// No manifest or bundle yet.
	}
	return undefined;
}

async function build() {
	const esbuild = await import('esbuild');
	mkdirSync(cacheDir, { recursive: true });
	const result = await esbuild.build({
		// The worker bundle sits beside the main one (csv-parts.ts finds it by name).
		entryPoints: { main: entry, worker: workerEntry },
		outdir: cacheDir,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		metafile: true,
		absWorkingDir: root,
		write: false,
		logLevel: 'silent'
	});
	const inputs = Object.keys(result.metafile.inputs).map((input) =>
		path.relative(root, path.resolve(root, input))
	);
	const key = keyOf(inputs);
	if (!key) return undefined;
	const file = path.join(cacheDir, `journeys-${key}.mjs`);
	const output = (name) => result.outputFiles.find((f) => path.basename(f.path) === `${name}.js`);
	// Worker first, then main, each written then renamed: parallel runs never see half a bundle.
	for (const [target, name] of [
		[file.replace(/\.mjs$/, '-csv-part-worker.mjs'), 'worker'],
		[file, 'main']
	]) {
		const partial = `${target}.${process.pid}.partial`;
		writeFileSync(partial, output(name).contents);
		renameSync(partial, target);
	}
	const manifestPartial = `${manifestFile}.${process.pid}.partial`;
	writeFileSync(manifestPartial, JSON.stringify({ inputs }));
	renameSync(manifestPartial, manifestFile);
	for (const name of readdirSync(cacheDir)) {
		const current = path.basename(file, '.mjs');
		if (
			/^journeys-\w+(-csv-part-worker)?\.mjs$/.test(name) &&
			name !== `${current}.mjs` &&
			name !== `${current}-csv-part-worker.mjs`
		) {
			rmSync(path.join(cacheDir, name), { force: true });
		}
	}
	return file;
}

export async function launchJourneys() {
	let file = cached();
	if (!file) {
		try {
			file = await build();
		} catch {
			file = undefined;
		}
	}
	if (!file) return false;
	await import(pathToFileURL(file).href);
	return true;
}
