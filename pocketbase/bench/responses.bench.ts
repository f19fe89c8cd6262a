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

/** Warm-up per path (JS runtime pool, SQLite caches), the same for both. */
const WARM_SECONDS = Math.min(SECONDS, 3);

/**
 * Runs `create` from CONCURRENCY loops for `seconds`; returns creates per second.
 * Any failed request fails the whole run: a ratio over failures would measure
 * how fast the server says no, not how fast it stores responses.
 */
async function drive(
	name: string,
	create: () => Promise<unknown>,
	seconds: number
): Promise<{ perSecond: number; done: number }> {
	let done = 0;
	let failure: unknown;
	const end = Date.now() + seconds * 1000;
	const loop = async () => {
		while (Date.now() < end && failure === undefined) {
			try {
				await create();
				done++;
			} catch (error) {
				failure ??= error;
			}
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: CONCURRENCY }, loop));
	if (failure !== undefined) {
		const { status, message, response } = failure as {
			status?: number;
			message?: string;
			response?: unknown;
		};
		throw new Error(
			`The ${name} benchmark stopped: a request failed (status ${status ?? 'none'}: ${message ?? String(failure)} ${JSON.stringify(response ?? {})}). Fix the cause; a ratio over failed requests means nothing.`
		);
	}
	return { perSecond: done / ((performance.now() - started) / 1000), done };
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
				{ name: 'surveyVersion', type: 'number' },
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
			surveyVersion: survey.version,
			answers,
			channel: 'web',
			language: 'nl',
			clientId: randomUUID()
		});

		const plainCreate = () => client.collection('bench_plain').create(body());
		const responseCreate = () => client.collection('responses').create(body());
		await drive('plain create (warm-up)', plainCreate, WARM_SECONDS);
		await drive('survey response (warm-up)', responseCreate, WARM_SECONDS);
		const plain = await drive('plain create', plainCreate, SECONDS);
		const responses = await drive('survey response', responseCreate, SECONDS);

		process.stdout.write(
			[
				`Survey responses (${SECONDS} s each after ${WARM_SECONDS} s warm-up each, ${CONCURRENCY} concurrent clients, loopback, no failed requests):`,
				`  plain PocketBase create: ${plain.perSecond.toFixed(0)}/s (${plain.done} stored)`,
				`  survey response create:  ${responses.perSecond.toFixed(0)}/s (${responses.done} stored)`,
				`  ratio response / plain:  ${(responses.perSecond / plain.perSecond).toFixed(2)}`,
				''
			].join('\n')
		);
	} finally {
		await server.stop();
	}
}
