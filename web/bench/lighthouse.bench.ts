// The citizen home page on a cheap phone (issue 10): JavaScript fetched on the
// first load (gzip) and largest contentful paint, measured by Lighthouse 12.2.3
// with its mobile defaults (simulated slow 4G, 4x CPU slowdown) against the
// real build served by a real, seeded PocketBase. Prints figures against the
// budget; asserts nothing.
//
// Lighthouse's 4x assumes a high-end desktop host (benchmarkIndex 1500-2000),
// which 4x brings to a mid-tier phone. A slower or busy host (a shared CI
// machine) makes the same page look slower. As Lighthouse's throttling.md
// advises, the runs are repeated with the slowdown calibrated to the host's
// measured benchmarkIndex, so both figures aim at the same phone.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startTestServer } from '../../pocketbase/test-server.ts';
import { buildDir, ensureBuilds, REPO_ROOT } from '../../scripts/build.ts';

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
/** The middle of Lighthouse's high-end desktop range, which its default 4x slows down. */
const REFERENCE_HOST_INDEX = 1750;
const DEFAULT_SLOWDOWN = 4;
const JS_BUDGET_KB = 60;
const LCP_BUDGET_S = 2.5;
const CHROME_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync',
	'--disable-quic'
];

interface NetworkRequest {
	url: string;
	resourceType?: string;
	transferSize?: number;
}

interface Run {
	lcp: number;
	cls: number;
	benchmarkIndex: number;
	scripts: { url: string; served: number; gzip: number }[];
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Gzip size of a script of the citizen build, as a server that compresses would send it. */
function gzipSize(url: string): number {
	const file = path.join(buildDir('citizen'), new URL(url).pathname);
	return existsSync(file) ? gzipSync(readFileSync(file)).length : 0;
}

function lighthouse(url: string, slowdown = DEFAULT_SLOWDOWN): Run {
	const result = spawnSync(
		path.join(REPO_ROOT, 'node_modules', '.bin', 'lighthouse'),
		[
			url,
			'--output=json',
			'--output-path=stdout',
			'--only-categories=performance',
			'--quiet',
			`--throttling.cpuSlowdownMultiplier=${slowdown}`,
			`--chrome-flags=${CHROME_FLAGS.join(' ')}`
		],
		{
			encoding: 'utf8',
			maxBuffer: 200 * 1024 * 1024,
			env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }
		}
	);
	if (result.status !== 0) throw new Error(`Lighthouse failed: ${result.stderr}`);
	const report = JSON.parse(result.stdout);
	const requests: NetworkRequest[] = report.audits['network-requests'].details.items;
	return {
		lcp: report.audits['largest-contentful-paint'].numericValue / 1000,
		cls: report.audits['cumulative-layout-shift'].numericValue,
		benchmarkIndex: report.environment.benchmarkIndex,
		scripts: requests
			.filter((request) => request.resourceType === 'Script')
			.map((request) => ({
				url: request.url,
				served: request.transferSize ?? 0,
				gzip: gzipSize(request.url)
			}))
	};
}

/** RUNS Lighthouse runs; on a loaded machine Lighthouse sometimes loses its trace (NO_NAVSTART): one retry. */
function runs(url: string, slowdown: number): Run[] {
	return Array.from({ length: RUNS }, () => {
		try {
			return lighthouse(url, slowdown);
		} catch {
			return lighthouse(url, slowdown);
		}
	});
}

export async function benchLighthouse(): Promise<void> {
	ensureBuilds((line) => process.stderr.write(`${line}\n`));
	const server = await startTestServer();
	try {
		const fixed = runs(`${server.url}/`, DEFAULT_SLOWDOWN);
		const hostIndex = median(fixed.map((run) => run.benchmarkIndex));
		const slowdown = Math.max(1, (DEFAULT_SLOWDOWN * hostIndex) / REFERENCE_HOST_INDEX);
		const calibrated = runs(`${server.url}/`, slowdown);
		const kB = (bytes: number) => bytes / 1024;
		const all = [...fixed, ...calibrated];
		const gzip = median(all.map((run) => run.scripts.reduce((sum, s) => sum + s.gzip, 0)));
		const served = median(all.map((run) => run.scripts.reduce((sum, s) => sum + s.served, 0)));
		const lcp = (set: Run[]) => median(set.map((run) => run.lcp));
		const cls = median(all.map((run) => run.cls));
		const largest = [...fixed[0].scripts].sort((a, b) => b.gzip - a.gzip).slice(0, 5);
		const lcpLine = (label: string, value: number) =>
			`  Largest contentful paint, ${label}: ${value.toFixed(2)} s` +
			` (budget ${LCP_BUDGET_S} s, ratio ${(value / LCP_BUDGET_S).toFixed(2)})`;
		process.stdout.write(
			[
				`Citizen home page, Lighthouse 12.2.3 mobile (simulated slow 4G), median of ${RUNS} runs each:`,
				`  JavaScript, first load: ${fixed[0].scripts.length} files, ${kB(gzip).toFixed(1)} kB gzip` +
					` (budget ${JS_BUDGET_KB} kB, ratio ${(kB(gzip) / JS_BUDGET_KB).toFixed(2)});` +
					` ${kB(served).toFixed(1)} kB as served`,
				...largest.map(
					(script) =>
						`    ${kB(script.gzip).toFixed(1).padStart(5)} kB  ${new URL(script.url).pathname}`
				),
				`  Host CPU: Lighthouse benchmarkIndex ${Math.round(hostIndex)}` +
					` (its 4x assumes about ${REFERENCE_HOST_INDEX}; below 1000 it warns that results run slow)`,
				lcpLine(`Lighthouse's fixed ${DEFAULT_SLOWDOWN}x CPU`, lcp(fixed)),
				lcpLine(`CPU ${slowdown.toFixed(1)}x calibrated to this host`, lcp(calibrated)),
				`  Cumulative layout shift: ${cls.toFixed(3)} (no shift wanted; "good" is below 0.1)`,
				''
			].join('\n')
		);
	} finally {
		await server.stop();
	}
}
