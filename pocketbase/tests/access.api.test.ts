// Who may do what, proven for every collection and custom route (issue 11):
// a matrix of collection × operation × caller, then what a resident with a
// code can and cannot do, code strength, and the rate limits.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import PocketBase, { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server.ts';
import { anonymous, staff, superuser } from './clients.ts';
import { categoryId, DEURNE, fileMelding } from './melding-helpers.ts';

type Caller = 'anonymous' | 'kiosk' | 'handler' | 'editor' | 'admin';
type Operation = 'list' | 'view' | 'create' | 'update' | 'delete';
const CALLERS: Caller[] = ['anonymous', 'kiosk', 'handler', 'editor', 'admin'];
const STAFF: Caller[] = ['handler', 'editor', 'admin'];
const NOBODY: Caller[] = [];
const EVERYONE = CALLERS;

let su: PocketBase;
const clients = new Map<Caller, PocketBase>();
const KIOSK_TOKEN = randomBytes(24).toString('hex');
let categories: { meldingen: string };
let surveyId: string;

interface Spec {
	/** A record the callers act on, created by a superuser (or as a resident would). */
	target(): Promise<string>;
	/** A body for create (valid, so a refusal can only come from the rules). */
	body(): Record<string, unknown>;
	patch: Record<string, unknown>;
	allowed: Record<Operation, Caller[]>;
}

const unique = () => randomBytes(4).toString('hex');
const surveyDefinition = {
	questions: [{ id: 'q1', type: 'text', title: { nl: 'Vraag' } }]
};

function recentIso() {
	return new Date().toISOString();
}

const SPECS: Record<string, Spec> = {
	users: {
		async target() {
			const password = randomBytes(12).toString('hex');
			return (
				await su.collection('users').create({
					email: `staff-${unique()}@stadsstem.local`,
					password,
					passwordConfirm: password,
					name: 'Test',
					role: 'handler'
				})
			).id;
		},
		body: () => {
			const password = randomBytes(12).toString('hex');
			return {
				email: `new-${unique()}@stadsstem.local`,
				password,
				passwordConfirm: password,
				role: 'admin'
			};
		},
		patch: { name: 'Changed' },
		allowed: {
			list: ['admin'],
			view: STAFF,
			create: NOBODY,
			update: ['admin'],
			delete: ['admin']
		}
	},
	kiosks: {
		target: async () => (await su.collection('kiosks').create({ name: `kiosk ${unique()}` })).id,
		body: () => ({ name: `kiosk ${unique()}` }),
		patch: { location: 'Elders' },
		allowed: { list: ['admin'], view: ['admin'], create: NOBODY, update: NOBODY, delete: ['admin'] }
	},
	categories: {
		target: async () =>
			(
				await su
					.collection('categories')
					.create({ code: `c-${unique()}`, name: { nl: 'Test' }, group: { nl: 'Test' } })
			).id,
		body: () => ({ code: `c-${unique()}`, name: { nl: 'Test' }, group: { nl: 'Test' } }),
		patch: { icon: 'x' },
		allowed: {
			list: EVERYONE,
			view: EVERYONE,
			create: ['admin'],
			update: ['admin'],
			delete: ['admin']
		}
	},
	decisions: {
		target: async () =>
			(
				await su
					.collection('decisions')
					.create({ slug: `d-${unique()}`, title: 'Ontwerp', status: 'draft', body: 'college' })
			).id,
		body: () => ({ slug: `d-${unique()}`, title: 'Ontwerp', status: 'draft', body: 'college' }),
		patch: { shortTitle: 'Kort' },
		allowed: {
			list: STAFF,
			view: STAFF,
			create: ['editor', 'admin'],
			update: ['editor', 'admin'],
			delete: ['admin']
		}
	},
	surveys: {
		target: async () =>
			(
				await su.collection('surveys').create({
					slug: `s-${unique()}`,
					title: { nl: 'Ontwerp' },
					definition: surveyDefinition,
					status: 'draft'
				})
			).id,
		body: () => ({
			slug: `s-${unique()}`,
			title: { nl: 'Ontwerp' },
			definition: surveyDefinition,
			status: 'draft'
		}),
		patch: { estimatedMinutes: 3 },
		allowed: {
			list: STAFF,
			view: STAFF,
			create: ['editor', 'admin'],
			update: ['editor', 'admin'],
			delete: ['admin']
		}
	},
	survey_versions: {
		target: async () =>
			(
				await su.collection('survey_versions').create({
					survey: surveyId,
					// A wide range: the survey's (survey, version) pairs are unique, and other test files
					// add versions to this survey too.
					version: randomInt(1_000, 1_000_000_000),
					definition: surveyDefinition
				})
			).id,
		body: () => ({ survey: surveyId, version: 5000, definition: surveyDefinition }),
		patch: { contentHash: 'x' },
		allowed: { list: STAFF, view: STAFF, create: NOBODY, update: NOBODY, delete: NOBODY }
	},
	responses: {
		target: async () =>
			(await anonymous().collection('responses').create(SPECS.responses.body())).id,
		body: () => ({
			survey: surveyId,
			answers: {
				webpunt: 'permeke',
				hulp_bij: ['inloggen'],
				tevreden: 4,
				gelukt: true,
				volgende_keer_alleen: false
			},
			channel: 'web',
			language: 'nl',
			clientId: randomUUID()
		}),
		patch: { language: 'fr' },
		allowed: { list: STAFF, view: STAFF, create: EVERYONE, update: NOBODY, delete: NOBODY }
	},
	meldingen: {
		target: async () => (await fileMelding(anonymous(), SPECS.meldingen.body() as never)).id,
		body: () => ({
			category: categories.meldingen,
			description: 'Losliggende tegel',
			location: DEURNE,
			email: 'bewoner@example.org',
			channel: 'web',
			language: 'nl',
			clientId: randomUUID()
		}),
		patch: { address: 'Ergens 1' },
		allowed: {
			list: STAFF,
			view: STAFF,
			create: EVERYONE,
			update: ['handler', 'admin'],
			delete: NOBODY
		}
	},
	melding_updates: {
		target: async () =>
			(
				await su.collection('melding_updates').create({
					melding: await SPECS.meldingen.target(),
					status: 'accepted',
					internalNote: 'intern'
				})
			).id,
		body: () => ({ melding: '', status: 'fixed', publicNote: 'x' }),
		patch: { publicNote: 'x' },
		allowed: { list: STAFF, view: STAFF, create: NOBODY, update: NOBODY, delete: NOBODY }
	},
	melding_followers: {
		target: async () =>
			(
				await su.collection('melding_followers').create({
					melding: await SPECS.meldingen.target(),
					email: 'volger@example.org',
					clientId: randomUUID()
				})
			).id,
		body: () => ({ melding: '', email: 'volger@example.org', clientId: randomUUID() }),
		patch: { language: 'fr' },
		allowed: { list: STAFF, view: STAFF, create: NOBODY, update: NOBODY, delete: NOBODY }
	},
	journey_events: {
		target: async () =>
			(await anonymous().collection('journey_events').create(SPECS.journey_events.body())).id,
		body: () => ({
			journeyId: randomUUID(),
			process: 'melding',
			step: 'what',
			type: 'start',
			at: recentIso(),
			channel: 'web',
			language: 'nl'
		}),
		patch: { step: 'where' },
		allowed: { list: STAFF, view: STAFF, create: EVERYONE, update: NOBODY, delete: NOBODY }
	},
	api_keys: {
		target: async () =>
			(await su.collection('api_keys').create({ name: `key ${unique()}`, keyHash: unique() })).id,
		body: () => ({ name: `key ${unique()}`, keyHash: unique() }),
		patch: { revoked: true },
		allowed: { list: ['admin'], view: ['admin'], create: NOBODY, update: NOBODY, delete: ['admin'] }
	},
	decision_revisions: {
		target: async () =>
			(
				await su.collection('decision_revisions').create({
					decision: await SPECS.decisions.target(),
					kind: 'changed',
					note: 'intern'
				})
			).id,
		body: () => ({ decision: '', kind: 'changed' }),
		patch: { note: 'x' },
		allowed: { list: STAFF, view: STAFF, create: NOBODY, update: NOBODY, delete: NOBODY }
	},
	decision_subscriptions: {
		target: async () =>
			(
				await su.collection('decision_subscriptions').create({
					email: `volger-${unique()}@example.org`,
					token: randomBytes(20).toString('hex')
				})
			).id,
		body: () => ({ email: 'x@example.org', token: randomBytes(20).toString('hex') }),
		patch: { confirmed: true },
		allowed: { list: NOBODY, view: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY }
	},
	decision_mails: {
		target: async () =>
			(
				await su.collection('decision_mails').create({
					decision: await SPECS.decisions.target(),
					subscription: await SPECS.decision_subscriptions.target()
				})
			).id,
		body: () => ({ decision: '', subscription: '' }),
		patch: { sentAt: '2026-01-01 00:00:00.000Z' },
		allowed: { list: NOBODY, view: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY }
	}
};

/** The HTTP status of an SDK call: 200 for success, else the error's status. */
async function statusOf(call: () => Promise<unknown>): Promise<number> {
	try {
		await call();
		return 200;
	} catch (error) {
		if (error instanceof ClientResponseError) return error.status;
		throw error;
	}
}

beforeAll(async () => {
	su = await superuser();
	categories = { meldingen: await categoryId(su, 'zwerfvuil').catch(() => '') };
	if (!categories.meldingen) {
		categories.meldingen = (await su.collection('categories').getFirstListItem('active = true')).id;
	}
	surveyId = (await su.collection('surveys').getFirstListItem("slug = 'tevredenheid-webpunt'")).id;
	await su.collection('kiosks').create({
		name: `access-test ${unique()}`,
		tokenHash: (await import('node:crypto')).createHash('sha256').update(KIOSK_TOKEN).digest('hex')
	});
	clients.set('anonymous', anonymous());
	const kiosk = anonymous();
	kiosk.beforeSend = (url, options) => {
		options.headers = { ...options.headers, 'X-Stadsstem-Kiosk': KIOSK_TOKEN };
		return { url, options };
	};
	clients.set('kiosk', kiosk);
	for (const role of STAFF) clients.set(role, await staff(role as 'handler' | 'editor' | 'admin'));
});

describe('every collection × operation × caller', () => {
	for (const [collection, spec] of Object.entries(SPECS)) {
		describe(collection, () => {
			let target: string;
			beforeAll(async () => {
				target = await spec.target();
			});

			for (const caller of CALLERS) {
				const may = (operation: Operation) => spec.allowed[operation].includes(caller);

				it(`${caller} ${may('list') ? 'may' : 'may not'} list`, async () => {
					const pb = clients.get(caller)!;
					let seen = false;
					const status = await statusOf(async () => {
						const page = await pb
							.collection(collection)
							.getList(1, 1, { filter: su.filter('id = {:id}', { id: target }) });
						seen = page.items.length === 1;
					});
					if (may('list')) {
						expect(status).toBe(200);
						expect(seen).toBe(true);
					} else {
						expect(seen).toBe(false);
					}
				});

				it(`${caller} ${may('view') ? 'may' : 'may not'} view`, async () => {
					const status = await statusOf(() =>
						clients.get(caller)!.collection(collection).getOne(target)
					);
					if (may('view')) expect(status).toBe(200);
					else expect([403, 404]).toContain(status);
				});

				it(`${caller} ${may('create') ? 'may' : 'may not'} create`, async () => {
					const before = (await su.collection(collection).getList(1, 1)).totalItems;
					const status = await statusOf(() =>
						clients.get(caller)!.collection(collection).create(spec.body())
					);
					const after = (await su.collection(collection).getList(1, 1)).totalItems;
					if (may('create')) {
						expect(status).toBe(200);
						expect(after).toBe(before + 1);
					} else {
						expect([400, 401, 403]).toContain(status);
						expect(after).toBe(before);
					}
				});

				it(`${caller} ${may('update') ? 'may' : 'may not'} update`, async () => {
					const before = await su.collection(collection).getOne(target);
					const status = await statusOf(() =>
						clients.get(caller)!.collection(collection).update(target, spec.patch)
					);
					const after = await su.collection(collection).getOne(target);
					if (may('update')) {
						expect(status).toBe(200);
					} else {
						expect([400, 403, 404]).toContain(status);
						expect(after).toEqual(before);
					}
				});

				it(`${caller} ${may('delete') ? 'may' : 'may not'} delete`, async () => {
					const victim = await spec.target();
					const status = await statusOf(() =>
						clients.get(caller)!.collection(collection).delete(victim)
					);
					const exists = await statusOf(() => su.collection(collection).getOne(victim));
					if (may('delete')) {
						expect(status).toBe(204 === status ? 204 : 200);
						expect(exists).toBe(404);
					} else {
						expect([400, 403, 404]).toContain(status);
						expect(exists).toBe(200);
					}
				});
			}
		});
	}
});

describe('staff roles', () => {
	it('a handler cannot make themselves admin, nor change their districts', async () => {
		const handler = clients.get('handler')!;
		const me = handler.authStore.record!;
		for (const patch of [{ role: 'admin' }, { districts: ['antwerpen', 'deurne'] }]) {
			expect(await statusOf(() => handler.collection('users').update(me.id, patch))).toBe(404);
		}
		const stored = await su.collection('users').getOne(me.id);
		expect(stored.role).toBe('handler');
		expect(stored.districts).toEqual(me.districts);
		// Their own name they may change.
		expect(await statusOf(() => handler.collection('users').update(me.id, { name: me.name }))).toBe(
			200
		);
	});

	it('only handlers and admins change the status of a melding, through the status route', async () => {
		const id = await SPECS.meldingen.target();
		const change = (caller: Caller) =>
			statusOf(() =>
				clients.get(caller)!.send(`/api/stadsstem/staff/meldingen/${id}/status`, {
					method: 'POST',
					body: { status: 'accepted', publicNote: 'We bekijken het.' }
				})
			);
		expect(await change('anonymous')).toBe(401);
		expect(await change('kiosk')).toBe(401);
		expect(await change('editor')).toBe(403);
		expect((await su.collection('meldingen').getOne(id)).status).toBe('new');
		expect(await change('handler')).toBe(200);
		expect((await su.collection('meldingen').getOne(id)).status).toBe('accepted');
	});

	it('a handler cannot change a melding status, code or email through the collection', async () => {
		const id = await SPECS.meldingen.target();
		const handler = clients.get('handler')!;
		for (const patch of [{ status: 'fixed' }, { code: 'ABCDEFGH' }, { email: 'x@example.org' }]) {
			expect(await statusOf(() => handler.collection('meldingen').update(id, patch))).toBe(400);
		}
		const stored = await su.collection('meldingen').getOne(id);
		expect(stored.status).toBe('new');
		expect(stored.email).toBe('bewoner@example.org');
	});

	it('journey routes are for staff and superusers only', async () => {
		const processes = (caller: Caller) =>
			statusOf(() => clients.get(caller)!.send('/api/stadsstem/journeys/processes', {}));
		expect(await processes('anonymous')).toBe(401);
		expect(await processes('kiosk')).toBe(401);
		expect(await processes('handler')).toBe(200);
		const purge = (caller: Caller) =>
			statusOf(() =>
				clients.get(caller)!.send('/api/stadsstem/journeys/retention', { method: 'POST' })
			);
		for (const caller of CALLERS) expect([401, 403]).toContain(await purge(caller));
	});

	it('the decisions import is for superusers only', async () => {
		const importing = (pb: PocketBase) =>
			statusOf(() =>
				pb.send('/api/stadsstem/decisions/import', { method: 'POST', body: { decisions: [] } })
			);
		for (const caller of CALLERS)
			expect([401, 403]).toContain(await importing(clients.get(caller)!));
		// The superuser passes the door and is told what is missing.
		expect(await importing(su)).toBe(400);
	});
});

describe('a resident with a code', () => {
	let code: string;
	let id: string;

	beforeAll(async () => {
		const created = await fileMelding(anonymous(), SPECS.meldingen.body() as never);
		id = created.id;
		code = (await su.collection('meldingen').getOne(id)).code;
		await su
			.send(`/api/stadsstem/staff/meldingen/${id}/status`, {
				method: 'POST',
				body: { status: 'accepted', internalNote: 'geheime interne notitie' }
			})
			.catch(async () => {
				// Superusers are no staff users: use the handler instead.
				await clients.get('handler')!.send(`/api/stadsstem/staff/meldingen/${id}/status`, {
					method: 'POST',
					body: { status: 'accepted', internalNote: 'geheime interne notitie' }
				});
			});
	});

	it('reads the public view of their melding, without email, client id or internal notes', async () => {
		const response = await fetch(`${su.baseURL}/api/stadsstem/meldingen/${code}`);
		expect(response.status).toBe(200);
		const text = await response.text();
		expect(JSON.parse(text).code).toBe(code);
		expect(text).not.toContain('bewoner@example.org');
		expect(text).not.toContain('geheime interne notitie');
		expect(text).not.toMatch(/clientId/);
		expect(text).not.toContain(id);
	});

	it('cannot read a melding with a wrong code, nor by its id', async () => {
		const wrong = code.slice(0, 7) + (code[7] === 'A' ? 'B' : 'A');
		expect((await fetch(`${su.baseURL}/api/stadsstem/meldingen/${wrong}`)).status).toBe(404);
		expect((await fetch(`${su.baseURL}/api/stadsstem/meldingen/${id}`)).status).toBe(404);
	});

	it('can never list responses or meldingen', async () => {
		for (const collection of ['responses', 'meldingen', 'melding_followers', 'melding_updates']) {
			const page = await anonymous().collection(collection).getList(1, 50);
			expect(page.items).toEqual([]);
			expect(page.totalItems).toBe(0);
		}
	});

	it('cannot filter meldingen by email to find out whether someone reported', async () => {
		const page = await anonymous()
			.collection('meldingen')
			.getList(1, 1, { filter: "email = 'bewoner@example.org'" });
		expect(page.totalItems).toBe(0);
	});

	it('cannot change the status of their melding, only reopen a closed one with a reason', async () => {
		const response = await fetch(`${su.baseURL}/api/stadsstem/meldingen/${code}/reopen`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ reason: 'Nog steeds kapot' })
		});
		// Accepted is not closed: reopening is refused, the status stays.
		expect(response.status).toBe(400);
		expect((await su.collection('meldingen').getOne(id)).status).toBe('accepted');
	});
});

describe('tracking codes', () => {
	it('have at least 40 bits of randomness and look random', async () => {
		const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
		const codes: string[] = [];
		for (let i = 0; i < 20; i++) {
			const created = await fileMelding(anonymous(), SPECS.meldingen.body() as never).catch(
				() => null
			);
			void created;
		}
		const page = await su.collection('meldingen').getList(1, 200, { sort: '-created' });
		for (const melding of page.items) codes.push(melding.code);
		expect(codes.length).toBeGreaterThanOrEqual(20);
		const symbols = new Set<string>();
		for (const code of codes) {
			expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
			for (const symbol of code) symbols.add(symbol);
		}
		// 32 symbols and 8 positions: log2(32^8) = 40 bits.
		expect(alphabet.length ** 8).toBeGreaterThanOrEqual(2 ** 40);
		// Codes draw on the whole alphabet, not on a counter or a time.
		expect(symbols.size).toBeGreaterThan(24);
		expect(new Set(codes).size).toBe(codes.length);
	});
});

describe('rate limits (with the limiter on for loopback)', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer({ rateLimitLoopback: true });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('staff login is refused with 429 after 10 tries a minute', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 12; i++) {
			const pb = new PocketBase(server.url);
			statuses.push(
				await statusOf(() =>
					pb.collection('users').authWithPassword('els@stadsstem.local', 'wrong password')
				)
			);
		}
		expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
		expect(statuses.slice(10)).toEqual([429, 429]);
		// Even the right password waits: guessing cannot continue in the same minute.
		const pb = new PocketBase(server.url);
		expect(
			await statusOf(() =>
				pb.collection('users').authWithPassword('els@stadsstem.local', server.staffPassword)
			)
		).toBe(429);
	});

	it('code lookups are refused with 429 after 60 a minute', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 62; i++) {
			const code = randomBytes(8)
				.toString('base64')
				.replace(/[^A-Z2-9]/g, 'X')
				.slice(0, 8)
				.padEnd(8, 'X');
			statuses.push((await fetch(`${server.url}/api/stadsstem/meldingen/${code}`)).status);
		}
		expect(statuses.slice(0, 60).every((status) => status === 404)).toBe(true);
		expect(statuses.slice(60)).toEqual([429, 429]);
	});
});
