/**
 * `npm run bench` (tsx cli/journeys/bench.ts): times `journeys summary` on seeded journey exports
 * of 1 M and 10 M events against pm4py 2.7 computing the same numbers on the same file, and against
 * a plain read of the file (stream it and count newlines). Prints seconds, peak memory and ratios;
 * targets: ≥ 10× faster than pm4py, within 3× of the plain read, memory not above pm4py's.
 * `summary` runs as a user would run it: on a file of 64 MB per core or more it reads on all
 * cores, so its CPU time can exceed its wall time; both are printed.
 * Files and the pm4py venv are cached in node_modules/.cache/stadsstem-bench/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeJourneyCsv } from './fixtures/journey-generator.ts';

const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const cacheDir = path.join(repoRoot, 'node_modules/.cache/stadsstem-bench');
const sizes = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const peerScript = path.join(repoRoot, 'cli/journeys/bench/pm4py_summary.py');
// Peak memory and CPU time (user + system, whole process) from the child itself: Node has no
// rusage for children. CPU time is the fairer figure on a machine busy with other work.
const RSS_HOOK =
	"data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('MAXRSS_KB '+u.maxRSS+' CPU_US '+(u.userCPUTime+u.systemCPUTime)+'\\n')})";

interface Measurement {
	seconds: number;
	cpuSeconds: number;
	peakMb: number;
	stdout: string;
}

function main(): void {
	mkdirSync(cacheDir, { recursive: true });
	const python = preparePeer();
	console.log(`${availableParallelism()} processor cores`);
	const rows: string[][] = [];
	for (const events of sizes) {
		const file = ensureLog(events);
		console.log(`\n${label(events)} events: ${file}`);
		// The first run after a source change builds the CLI's bundle (cli/journeys/launch.js).
		spawnSync(process.execPath, [
			path.join(repoRoot, 'cli/bin/stadsstem.js'),
			'journeys',
			'--help'
		]);
		// Best of three for the two fast ones: on a shared machine a single run mostly measures
		// the neighbours. pm4py runs once (minutes at 10 M; its variance is small in proportion).
		const plain = best(() =>
			measure(process.execPath, ['--import', RSS_HOOK, '-e', PLAIN_READ, file])
		);
		const ours = best(() =>
			measure(process.execPath, [
				'--import',
				RSS_HOOK,
				path.join(repoRoot, 'cli/bin/stadsstem.js'),
				'journeys',
				'summary',
				file,
				'--format',
				'json'
			])
		);
		report('plain read', plain);
		report('stadsstem summary', ours);
		const row = [
			label(events),
			fmt(ours.seconds),
			fmt(plain.seconds),
			`${(ours.seconds / plain.seconds).toFixed(1)}×`,
			`${(ours.cpuSeconds / plain.cpuSeconds).toFixed(1)}×`
		];
		if (python) {
			const peer = measure(python, [
				peerScript,
				file,
				'--case',
				'journeyId',
				'--activity',
				'step',
				'--timestamp',
				'at'
			]);
			report('pm4py 2.7', peer);
			const same = sameNumbers(ours.stdout, peer.stdout);
			console.log(`  same numbers as pm4py: ${same ? 'yes' : 'NO'}`);
			row.push(
				fmt(peer.seconds),
				`${(peer.seconds / ours.seconds).toFixed(1)}×`,
				`${(peer.cpuSeconds / ours.cpuSeconds).toFixed(1)}×`,
				`${ours.peakMb.toFixed(0)} / ${peer.peakMb.toFixed(0)} MB`,
				`${(ours.peakMb / peer.peakMb).toFixed(2)}`
			);
		} else row.push('skipped', '', '', `${ours.peakMb.toFixed(0)} MB`, '');
		rows.push(row);
	}
	console.log(
		'\nsummary wall time, CPU time and peak memory (targets: pm4py/ours ≥ 10, ours/plain ≤ 3, memory ratio ≤ 1)'
	);
	const header = [
		'events',
		'ours s',
		'plain s',
		'ours/plain',
		'(cpu)',
		'pm4py s',
		'pm4py/ours',
		'(cpu)',
		'peak ours/pm4py',
		'mem ratio'
	];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	for (const line of [header, ...rows])
		console.log(line.map((cell, i) => (cell ?? '').padStart(widths[i])).join('  '));
}

const PLAIN_READ = `
let lines = 0;
require('node:fs').createReadStream(process.argv[1], { highWaterMark: 1 << 20 })
	.on('data', (chunk) => { for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++; })
	.on('end', () => console.log(lines));
`;

function measure(command: string, args: string[]): Measurement {
	const started = performance.now();
	const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
	const seconds = (performance.now() - started) / 1000;
	if (result.status !== 0) {
		throw new Error(
			`${command} ${args.slice(-6).join(' ')} failed:\n${result.stderr.slice(-2000)}`
		);
	}
	const kb = Number(
		/MAXRSS_KB (\d+)/.exec(result.stderr)?.[1] ?? /maxrss_kb=(\d+)/.exec(result.stderr)?.[1] ?? NaN
	);
	const cpuSeconds = Number(
		/CPU_US (\d+)/.exec(result.stderr)?.[1] ??
			Number(/cpu_s=([\d.]+)/.exec(result.stderr)?.[1]) * 1e6
	);
	return { seconds, cpuSeconds: cpuSeconds / 1e6, peakMb: kb / 1024, stdout: result.stdout };
}

function best(run: () => Measurement): Measurement {
	const runs = [run(), run(), run()];
	return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

function report(name: string, m: Measurement): void {
	console.log(
		`  ${name.padEnd(18)} ${fmt(m.seconds)} s  cpu ${fmt(m.cpuSeconds)} s  peak ${m.peakMb.toFixed(0)} MB`
	);
}

/** The peer prints the same keys; durations compared with a relative tolerance. */
function sameNumbers(oursJson: string, peerJson: string): boolean {
	const ours = JSON.parse(oursJson);
	const peer = JSON.parse(peerJson.trim().split('\n').pop() ?? '{}');
	const key = (list: { from: string; to: string; count: number }[]) =>
		list
			.map((d) => `${d.from}>${d.to}=${d.count}`)
			.sort()
			.join();
	for (const field of ['events', 'cases', 'activities', 'variants'])
		if (ours[field] !== peer[field]) return false;
	for (const field of ['startActivities', 'endActivities', 'rework']) {
		if (JSON.stringify(sortKeys(ours[field])) !== JSON.stringify(sortKeys(peer[field])))
			return false;
	}
	if (key(ours.directlyFollows) !== key(peer.directlyFollows)) return false;
	return ['min', 'median', 'mean', 'max'].every(
		(k) =>
			Math.abs(ours.caseDuration[k] - peer.caseDuration[k]) <=
			1e-6 * Math.max(1, Math.abs(peer.caseDuration[k]))
	);
}

function sortKeys(record: Record<string, number>): [string, number][] {
	return Object.entries(record).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function ensureLog(events: number): string {
	const file = path.join(cacheDir, `journeys-${label(events)}-seed1.csv`);
	if (existsSync(file)) return file;
	console.log(`generating ${label(events)} events into ${file} (once; reused later)…`);
	const partial = `${file}.partial`;
	writeJourneyCsv(partial, { events, seed: 1 });
	renameSync(partial, file);
	return file;
}

/** pm4py 2.7 in a venv under the cache dir; undefined (and said plainly) when Python is missing. */
function preparePeer(): string | undefined {
	const system = ['python3', 'python'].find((p) => spawnSync(p, ['--version']).status === 0);
	if (!system) {
		console.log(
			'Python 3 not found: skipping the pm4py peer (ratios against pm4py are not measured).'
		);
		return undefined;
	}
	const venv = path.join(cacheDir, 'pm4py-venv');
	const python = path.join(venv, 'bin', 'python');
	const check = () => spawnSync(python, ['-c', 'import pm4py'], { stdio: 'ignore' }).status === 0;
	if (existsSync(python) && check()) return python;
	console.log(`installing pm4py 2.7 with pip into ${venv} (one time; needs network)…`);
	if (
		spawnSync(system, ['-m', 'venv', venv], { stdio: 'inherit' }).status !== 0 ||
		spawnSync(python, ['-m', 'pip', 'install', '--quiet', 'pm4py>=2.7,<2.8'], { stdio: 'inherit' })
			.status !== 0 ||
		!check()
	) {
		console.log('could not install pm4py: skipping the pm4py peer.');
		return undefined;
	}
	return python;
}

function label(events: number): string {
	return events >= 1e6 ? `${events / 1e6}M` : events >= 1e3 ? `${events / 1e3}k` : String(events);
}

function fmt(seconds: number): string {
	return seconds.toFixed(2);
}

main();
