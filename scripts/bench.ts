// `npm run bench [-- name…]`: every benchmark, or the named ones. Each prints
// its figures as ratios against a peer measured in the same run; none asserts
// a wall-clock limit.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { benchLoad } from '../pocketbase/bench/load.bench.ts';
import { benchResponses } from '../pocketbase/bench/responses.bench.ts';
import { REPO_ROOT } from './build.ts';

const benches: Record<string, () => Promise<void> | void> = {
	responses: benchResponses,
	load: benchLoad,
	lighthouse: async () => (await import('../web/bench/lighthouse.bench.ts')).benchLighthouse(),
	journeys: () => {
		const result = spawnSync('npx', ['tsx', path.join(REPO_ROOT, 'cli/journeys/bench.ts')], {
			cwd: REPO_ROOT,
			stdio: 'inherit'
		});
		if (result.status !== 0) throw new Error('the journeys benchmark failed');
	}
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length) {
	process.stderr.write(
		`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(benches).join(', ')}.\n`
	);
	process.exit(2);
}
for (const name of wanted.length ? wanted : Object.keys(benches)) {
	process.stdout.write(`\n== ${name} ==\n`);
	await benches[name]();
}
