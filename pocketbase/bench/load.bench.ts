// Mixed load from this process against a real server on loopback (issue 11):
// reads of home, surveys and decisions, survey responses, and meldingen with a
// small photo, for a fixed time. Reports throughput, p50/p99 and errors, and
// the ratio against plain PocketBase creates in the same run. Then kills the
// server with SIGKILL mid-load, restarts it on the same data, and checks that
// every response acknowledged with a 2xx is stored exactly once.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import PocketBase from 'pocketbase';
import { TINY_PNG } from '../tests/melding-helpers.ts';
import { ensureServerBinary, startServer } from '../server.ts';
import { startTestServer } from '../test-server.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 8;
/** Bounded: the crash phase stops after this many submissions or when the server dies. */
const CRASH_AFTER_MS = 1500;

interface Stats {
	done: number;
	errors: number;
	latencies: number[];
	seconds: number;
}

async function drive(operations: Array<() => Promise<unknown>>, seconds: number): Promise<Stats> {
	const stats: Stats = { done: 0, errors: 0, latencies: [], seconds };
	const end = Date.now() + seconds * 1000;
	let turn = 0;
	const loop = async () => {
		while (Date.now() < end) {
			const operation = operations[turn++ % operations.length];
			const started = performance.now();
			try {
				await operation();
				stats.done++;
				stats.latencies.push(performance.now() - started);
			} catch {
				stats.errors++;
			}
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: CONCURRENCY }, loop));
	stats.seconds = (performance.now() - started) / 1000;
	return stats;
}

function percentile(values: number[], p: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function report(name: string, stats: Stats): number {
	const perSecond = stats.done / stats.seconds;
	process.stdout.write(
		`${name.padEnd(16)} ${perSecond.toFixed(1).padStart(8)}/s  p50 ${percentile(stats.latencies, 50).toFixed(1)} ms  p99 ${percentile(stats.latencies, 99).toFixed(1)} ms  errors ${stats.errors}\n`
	);
	return perSecond;
}

async function get(url: string) {
	const response = await fetch(url);
	await response.arrayBuffer();
	if (!response.ok) throw new Error(String(response.status));
}

export async function benchLoad(): Promise<void> {
	const server = await startTestServer();
	const { url, dataDir } = server;
	let restarted: Awaited<ReturnType<typeof startServer>> | undefined;
	try {
		const admin = new PocketBase(url);
		admin.autoCancellation(false);
		await admin
			.collection('_superusers')
			.authWithPassword(server.superuser.email, server.superuser.password);
		await admin.collections.create({
			name: 'bench_plain',
			type: 'base',
			createRule: '',
			fields: [
				{ name: 'answers', type: 'json', maxSize: 200000 },
				{ name: 'clientId', type: 'text' }
			]
		});
		const survey = await admin
			.collection('surveys')
			.getFirstListItem("slug = 'tevredenheid-webpunt'");
		const category = await admin.collection('categories').getFirstListItem("code = 'zwerfvuil'");
		const client = new PocketBase(url);
		client.autoCancellation(false);
		const answers = {
			webpunt: 'permeke',
			hulp_bij: ['inloggen'],
			tevreden: 4,
			gelukt: true,
			volgende_keer_alleen: false
		};
		const response = (clientId = randomUUID()) =>
			client.collection('responses').create({
				survey: survey.id,
				answers,
				channel: 'web',
				language: 'nl',
				clientId
			});
		const melding = () => {
			const form = new FormData();
			form.set('category', category.id);
			form.set('location', JSON.stringify({ lat: 51.19 + Math.random() * 0.03, lon: 4.46 }));
			form.set('channel', 'web');
			form.set('clientId', randomUUID());
			form.append('photos', new Blob([new Uint8Array(TINY_PNG)], { type: 'image/png' }), 'p.png');
			return client.collection('meldingen').create(form);
		};
		const mixed = [
			() => get(`${url}/`),
			() => get(`${url}/api/collections/surveys/records?filter=status%3D'open'`),
			() => get(`${url}/api/stadsstem/decisions`),
			() => response(),
			() => get(`${url}/`),
			() => melding()
		];

		process.stdout.write(`${SECONDS} s each, ${CONCURRENCY} concurrent loops\n`);
		await drive(
			[() => client.collection('bench_plain').create({ answers, clientId: randomUUID() })],
			1
		);
		const plain = report(
			'plain creates',
			await drive(
				[() => client.collection('bench_plain').create({ answers, clientId: randomUUID() })],
				SECONDS
			)
		);
		const load = report('mixed load', await drive(mixed, SECONDS));
		process.stdout.write(`mixed/plain ratio: ${(load / plain).toFixed(2)}\n`);

		// Crash phase: responses in flight when the server is SIGKILLed.
		const acknowledged: string[] = [];
		let stop = false;
		const loops = Array.from({ length: CONCURRENCY }, async () => {
			for (let i = 0; i < 10_000 && !stop; i++) {
				const clientId = randomUUID();
				try {
					await response(clientId);
					acknowledged.push(clientId);
				} catch {
					// Refused or cut off: not acknowledged, so nothing is promised.
				}
			}
		});
		await new Promise((resolve) => setTimeout(resolve, CRASH_AFTER_MS));
		server.server.process.kill('SIGKILL');
		stop = true;
		await Promise.all(loops);

		restarted = await startServer({
			binary: ensureServerBinary(),
			dataDir,
			host: '127.0.0.1',
			port: Number(new URL(url).port),
			env: { STADSSTEM_RATE_LIMIT_EXCLUDED_IPS: '127.0.0.1' }
		});
		const after = new PocketBase(url);
		after.autoCancellation(false);
		await after
			.collection('_superusers')
			.authWithPassword(server.superuser.email, server.superuser.password);
		const stored = await after
			.collection('responses')
			.getFullList({ fields: 'clientId', batch: 1000 });
		const counts = new Map<string, number>();
		for (const record of stored)
			counts.set(record.clientId, (counts.get(record.clientId) ?? 0) + 1);
		const missing = acknowledged.filter((id) => !counts.has(id)).length;
		const doubled = acknowledged.filter((id) => (counts.get(id) ?? 0) > 1).length;
		process.stdout.write(
			`crash: ${acknowledged.length} responses acknowledged before SIGKILL; after restart ${missing} missing, ${doubled} stored twice: ${
				missing === 0 && doubled === 0 ? 'PASS, each stored exactly once' : 'FAIL'
			}\n`
		);
	} finally {
		if (restarted) await restarted.stop();
		else await server.server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}
