// The citizen home page on a cheap phone (issue 10): JavaScript fetched on the
// first load (gzip) and largest contentful paint, measured by Lighthouse 12.2.3
// with its mobile defaults (simulated slow 4G, 4x CPU slowdown) against the
// real build served by a real, seeded PocketBase. Prints figures against the
// budget; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startTestServer } from '../../pocketbase/test-server.ts';
import { buildDir, ensureBuilds, REPO_ROOT } from '../../scripts/build.ts';

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
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

function lighthouse(url: string): Run {
	const result = spawnSync(
		path.join(REPO_ROOT, 'node_modules', '.bin', 'lighthouse'),
		[
			url,
			'--output=json',
			'--output-path=stdout',
			'--only-categories=performance',
			'--quiet',
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
		scripts: requests
			.filter((request) => request.resourceType === 'Script')
			.map((request) => ({
				url: request.url,
				served: request.transferSize ?? 0,
				gzip: gzipSize(request.url)
			}))
	};
}

export async function benchLighthouse(): Promise<void> {
	ensureBuilds((line) => process.stderr.write(`${line}\n`));
	const server = await startTestServer();
	try {
		const runs: Run[] = [];
		for (let i = 0; i < RUNS; i++) {
			// On a loaded machine Lighthouse sometimes loses its trace (NO_NAVSTART): one retry.
			try {
				runs.push(lighthouse(`${server.url}/`));
			} catch {
				runs.push(lighthouse(`${server.url}/`));
			}
		}
		const kB = (bytes: number) => bytes / 1024;
		const gzip = median(runs.map((run) => run.scripts.reduce((sum, s) => sum + s.gzip, 0)));
		const served = median(runs.map((run) => run.scripts.reduce((sum, s) => sum + s.served, 0)));
		const lcp = median(runs.map((run) => run.lcp));
		const cls = median(runs.map((run) => run.cls));
		const largest = [...runs[0].scripts].sort((a, b) => b.gzip - a.gzip).slice(0, 5);
		process.stdout.write(
			[
				`Citizen home page, Lighthouse 12.2.3 mobile (simulated slow 4G, 4x CPU), median of ${RUNS}:`,
				`  JavaScript, first load: ${runs[0].scripts.length} files, ${kB(gzip).toFixed(1)} kB gzip` +
					` (budget ${JS_BUDGET_KB} kB, ratio ${(kB(gzip) / JS_BUDGET_KB).toFixed(2)});` +
					` ${kB(served).toFixed(1)} kB as served`,
				...largest.map(
					(script) =>
						`    ${kB(script.gzip).toFixed(1).padStart(5)} kB  ${new URL(script.url).pathname}`
				),
				`  Largest contentful paint: ${lcp.toFixed(2)} s (budget ${LCP_BUDGET_S} s, ratio ${(lcp / LCP_BUDGET_S).toFixed(2)})`,
				`  Cumulative layout shift: ${cls.toFixed(3)} (no shift wanted; "good" is below 0.1)`,
				''
			].join('\n')
		);
	} finally {
		await server.stop();
	}
}
