// `stadsstem journeys … --from URL` against the real server: events go in through
// the API, the CLI reads them back with a staff token and counts them right.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { staff, superuser } from './clients.ts';

const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
// Unique per run, so the other tests' events never count here.
const PROCESS = `survey:cli-${randomUUID().slice(0, 8)}`;
const STEPS = 'start,q1,q2,controle,bedankt';
let token: string;

type Walk = { channel: string; assisted?: boolean; steps: [string, string, string?][] };

// Four attempts: two complete (web, assisted kiosk), one stops at q2 after an error on q1,
// one (app) stops right after starting.
const WALKS: Walk[] = [
	{
		channel: 'web',
		steps: [
			['start', 'start'],
			['step', 'q1'],
			['step', 'q2'],
			['step', 'controle'],
			['complete', 'bedankt']
		]
	},
	{
		channel: 'web',
		steps: [
			['start', 'start'],
			['step', 'q1'],
			['error', 'q1', 'required']
		]
	},
	{
		channel: 'kiosk',
		assisted: true,
		steps: [
			['start', 'start'],
			['step', 'q1'],
			['error', 'q1', 'too_long'],
			['step', 'q2'],
			['step', 'controle'],
			['complete', 'bedankt']
		]
	},
	{ channel: 'app', steps: [['start', 'start']] }
];

async function seed(admin: PocketBase) {
	const t0 = Date.now() - 60 * 60 * 1000;
	const batch = admin.createBatch();
	WALKS.forEach((walk, w) => {
		const journeyId = randomUUID();
		walk.steps.forEach(([type, step, detail], i) => {
			batch.collection('journey_events').create({
				journeyId,
				process: PROCESS,
				step,
				type,
				detail: detail ?? '',
				at: new Date(t0 + w * 60_000 + i * 1000).toISOString(),
				channel: walk.channel,
				assisted: walk.assisted ?? false,
				language: 'nl'
			});
		});
	});
	await batch.send();
}

function cli(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(
		process.execPath,
		['cli/bin/stadsstem.js', 'journeys', ...args, '--from', inject('pbUrl'), '--process', PROCESS],
		{ cwd: repoRoot, encoding: 'utf8', env: { ...process.env, STADSSTEM_TOKEN: token, ...env } }
	);
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
	await seed(await superuser());
	token = (await staff('handler')).authStore.token;
});

describe('stadsstem journeys --from a real server', { timeout: 60_000 }, () => {
	it('counts the funnel per channel', () => {
		const result = cli(['funnel', '--steps', STEPS, '--by', 'channel', '--format', 'json']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const funnel = JSON.parse(result.stdout);
		expect(funnel.cases).toBe(4);
		expect(funnel.steps.map((step: { reached: number }) => step.reached)).toEqual([4, 3, 2, 2, 2]);
		expect(funnel.steps.map((step: { dropped: number }) => step.dropped)).toEqual([0, 1, 1, 0, 0]);
		const reached = (segment: string) =>
			funnel.segments[segment].steps.map((step: { reached: number }) => step.reached);
		expect(reached('web')).toEqual([2, 2, 1, 1, 1]);
		expect(reached('kiosk')).toEqual([1, 1, 1, 1, 1]);
		expect(reached('app')).toEqual([1, 0, 0, 0, 0]);
	});

	it('splits assisted from unassisted', () => {
		const result = cli(['funnel', '--steps', STEPS, '--by', 'assisted', '--format', 'json']);
		expect(result.code).toBe(0);
		const funnel = JSON.parse(result.stdout);
		expect(funnel.segments.true.cases).toBe(1);
		expect(funnel.segments.false.cases).toBe(3);
		expect(funnel.segments.false.steps.at(-1).reached).toBe(1);
	});

	it('names where people stopped and the error codes they met', () => {
		const result = cli(['dropouts', '--steps', STEPS, '--format', 'json']);
		expect(result.code).toBe(0);
		const dropouts = JSON.parse(result.stdout);
		expect(dropouts).toMatchObject({ stopped: 2, completed: 2, inProgress: 0 });
		const atQ1 = dropouts.steps.find((step: { step: string }) => step.step === 'q1');
		const atQ2 = dropouts.steps.find((step: { step: string }) => step.step === 'q2');
		expect(atQ1).toMatchObject({ stopped: 1, lastEvents: [{ name: 'start', cases: 1 }] });
		expect(atQ2).toMatchObject({
			stopped: 1,
			errors: [{ name: 'q1: required', cases: 1 }],
			casesWithErrors: 1
		});
	});

	it('says so when the token is not a staff token (PocketBase then shows no events)', () => {
		const result = cli(['funnel', '--steps', STEPS], { STADSSTEM_TOKEN: 'not-a-token' });
		expect(result.code).not.toBe(0);
		expect(result.stderr).toMatch(/STADSSTEM_TOKEN must be a valid staff token/);
	});
});
