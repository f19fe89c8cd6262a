// Survey-response submissions per second through the full server path
// (shared validator in the hook, clientId check), against plain PocketBase
// record creates of the same size in the same run. The ratio is the figure.
import { randomUUID } from 'node:crypto';
import PocketBase from 'pocketbase';
import { startTestServer } from '../test-server.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 8;

const answers = {
	webpunt: 'permeke',
	hulp_bij: ['inloggen', 'document'],
	tevreden: 4,
	gelukt: false,
	wat_lukte_niet: 'Inloggen met de kaartlezer lukte niet.',
	tip: 'Meer stopcontacten'
};

/** Runs `create` from CONCURRENCY loops for SECONDS; returns creates per second and errors. */
async function drive(
	create: () => Promise<unknown>
): Promise<{ perSecond: number; errors: number }> {
	let done = 0;
	let errors = 0;
	const end = Date.now() + SECONDS * 1000;
	const loop = async () => {
		while (Date.now() < end) {
			try {
				await create();
				done++;
			} catch {
				errors++;
			}
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: CONCURRENCY }, loop));
	return { perSecond: done / ((performance.now() - started) / 1000), errors };
}

export async function benchResponses(): Promise<void> {
	const server = await startTestServer();
	try {
		const admin = new PocketBase(server.url);
		admin.autoCancellation(false);
		await admin
			.collection('_superusers')
			.authWithPassword(server.superuser.email, server.superuser.password);
		// The peer: a collection shaped like responses, with no hook and an open create rule.
		await admin.collections.create({
			name: 'bench_plain',
			type: 'base',
			createRule: '',
			fields: [
				{ name: 'survey', type: 'text' },
				{ name: 'answers', type: 'json', maxSize: 200000 },
				{ name: 'channel', type: 'text' },
				{ name: 'language', type: 'text' },
				{ name: 'clientId', type: 'text' }
			],
			indexes: ['CREATE UNIQUE INDEX idx_bench_plain_client ON bench_plain (clientId)']
		});
		const survey = await admin
			.collection('surveys')
			.getFirstListItem("slug = 'tevredenheid-webpunt'");
		const client = new PocketBase(server.url);
		client.autoCancellation(false);
		const body = () => ({
			survey: survey.id,
			answers,
			channel: 'web',
			language: 'nl',
			clientId: randomUUID()
		});

		// Warm both paths (JS runtime pool, SQLite caches) before measuring.
		await drive(() => client.collection('bench_plain').create(body())).catch(() => undefined);
		const plain = await drive(() => client.collection('bench_plain').create(body()));
		const responses = await drive(() => client.collection('responses').create(body()));

		process.stdout.write(
			[
				`Survey responses (${SECONDS} s each, ${CONCURRENCY} concurrent clients, loopback):`,
				`  plain PocketBase create: ${plain.perSecond.toFixed(0)}/s (${plain.errors} errors)`,
				`  survey response create:  ${responses.perSecond.toFixed(0)}/s (${responses.errors} errors)`,
				`  ratio response / plain:  ${(responses.perSecond / plain.perSecond).toFixed(2)}`,
				''
			].join('\n')
		);
	} finally {
		await server.stop();
	}
}
