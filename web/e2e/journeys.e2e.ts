// Journey events (issue 8): the platform measures its own flows. A walk through
// a survey and a melding left halfway produce exactly the expected events, and
// the staff page "Waar haken mensen af?" shows that drop-out with the same
// numbers the CLI gives.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import { asEls, asSuperuser, staffLogin } from './meldingen-helpers.ts';

const SHOTS = process.env.STADSSTEM_SCREENSHOTS ?? 'test-results/journeys-screens';

type Row = [type: string, step: string, detail?: string];

async function eventsOf(pb: PocketBase, filter: string): Promise<Row[]> {
	const records = await pb.collection('journey_events').getFullList({ filter, sort: 'at' });
	return records.map((r) => (r.detail ? [r.type, r.step, r.detail] : [r.type, r.step]));
}

/** The journeys this page sent, as the browser sent them (nothing here changes the requests). */
function watchJourneys(page: Page): Map<string, Set<string>> {
	const ids = new Map<string, Set<string>>();
	page.on('request', (request) => {
		if (!request.url().endsWith('/api/batch')) return;
		const body = JSON.parse(request.postData() ?? '{}') as {
			requests?: { body: { process: string; journeyId: string } }[];
		};
		for (const { body: event } of body.requests ?? []) {
			if (!ids.has(event.process)) ids.set(event.process, new Set());
			ids.get(event.process)!.add(event.journeyId);
		}
	});
	return ids;
}

async function makeSurvey(pb: PocketBase, slug: string) {
	const model = await pb.collection('surveys').getFirstListItem(`slug = 'tevredenheid-webpunt'`);
	await pb.collection('surveys').create({
		slug,
		title: model.title,
		intro: model.intro,
		definition: model.definition,
		version: 1,
		status: 'open',
		estimatedMinutes: model.estimatedMinutes
	});
}

const next = (page: Page) => page.getByRole('button', { name: 'Volgende' }).click();
const h1 = (page: Page, name: string | RegExp) =>
	expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

test('a survey walk and a melding left halfway produce exactly the expected events, and the staff page shows the drop-out', async ({
	page,
	baseURL
}) => {
	const pb = await asSuperuser(baseURL!);
	const slug = `journey-e2e-${randomUUID().slice(0, 8)}`;
	const process = `survey:${slug}`;
	await makeSurvey(pb, slug);
	const sent = watchJourneys(page);

	// 1. The whole survey, with one error on the way.
	await page.goto(`/bevraging/${slug}`);
	await page.getByRole('button', { name: 'Start de bevraging' }).click();
	await h1(page, 'In welk webpunt was je?');
	await page.getByRole('radio', { name: 'Bibliotheek Permeke' }).check();
	await next(page);
	await h1(page, 'Waarmee kreeg je hulp?');
	await next(page);
	await expect(page.locator('.error-summary')).toContainText('Beantwoord deze vraag.');
	await page.getByRole('checkbox', { name: /Inloggen/ }).check();
	await next(page);
	await h1(page, 'Hoe tevreden ben je over de hulp?');
	await page.getByRole('radio').nth(3).check();
	await next(page);
	await h1(page, 'Is gelukt wat je wilde doen?');
	await page.getByRole('radio', { name: 'Ja' }).check();
	await next(page);
	await h1(page, /alleen/);
	await next(page);
	await h1(page, /tip/);
	await next(page);
	await h1(page, 'Controleer je antwoorden');
	await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
	await h1(page, 'Bedankt voor je mening');

	// 2. A second attempt, left at the second question. The device remembers that it
	// answered and would not start again (ballot stuffing): forget that, as a cleared browser would.
	await page.evaluate(() => localStorage.removeItem('stadsstem.participations'));
	await page.goto(`/bevraging/${slug}`);
	await page.getByRole('button', { name: 'Start de bevraging' }).click();
	await page.getByRole('radio', { name: 'Bibliotheek Permeke' }).check();
	const stepSent = page.waitForRequest(
		(request) =>
			request.url().endsWith('/api/batch') && /"step":"hulp_bij"/.test(request.postData() ?? '')
	);
	await next(page);
	await h1(page, 'Waarmee kreeg je hulp?');
	// A step change is sent within a second, so leaving right after still counts.
	await stepSent;

	// 3. A melding, left on the "where" screen after an error.
	await page.goto('/melden');
	await page.getByRole('radio', { name: /Sluikstort/ }).check();
	await page.getByRole('button', { name: 'Verder' }).click();
	// Some categories ask a question or two first.
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Wat wil je melden?');
	if (!/Waar/.test((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')) {
		await page.getByRole('button', { name: 'Verder' }).click();
	}
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Waar/);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.locator('.error-summary')).toBeVisible();
	// The timer sends the error within seconds, while the resident still looks at it.
	await page.waitForRequest(
		(request) =>
			request.url().endsWith('/api/batch') && /"detail":"map"/.test(request.postData() ?? ''),
		{ timeout: 15_000 }
	);
	await page.goto('/');

	// The survey's events, by its own process name.
	const expectedSurvey: Row[] = [
		['start', 'start'],
		['step', 'webpunt'],
		['step', 'hulp_bij'],
		['error', 'hulp_bij', 'required'],
		['step', 'tevreden'],
		['step', 'gelukt'],
		['step', 'volgende_keer_alleen'],
		['step', 'tip'],
		['step', 'controle'],
		['complete', 'bedankt'],
		['start', 'start'],
		['step', 'webpunt'],
		['step', 'hulp_bij']
	];
	await expect
		.poll(() => eventsOf(pb, pb.filter('process = {:process}', { process })), { timeout: 20_000 })
		.toEqual(expectedSurvey);
	const surveyJourneys = await pb.collection('journey_events').getFullList({
		filter: pb.filter('process = {:process}', { process })
	});
	expect(new Set(surveyJourneys.map((r) => r.journeyId)).size).toBe(2);
	expect(
		surveyJourneys.every((r) => r.channel === 'web' && r.language === 'nl' && !r.assisted)
	).toBe(true);

	// The melding's events, by the journey id this page sent.
	const meldingIds = [...(sent.get('melding') ?? [])];
	expect(meldingIds).toHaveLength(1);
	const melding = await eventsOf(pb, pb.filter('journeyId = {:id}', { id: meldingIds[0] }));
	const withoutQuestions = melding.filter(([, step]) => step !== 'questions');
	expect(withoutQuestions).toEqual([
		['start', 'what'],
		['step', 'where'],
		['error', 'where', 'map']
	]);

	// The staff page shows the drop-out.
	await staffLogin(page);
	await page.getByRole('link', { name: 'Waar haken mensen af?' }).click();
	await h1(page, 'Waar haken mensen af?');
	await page.getByLabel('Proces').selectOption(process);
	await page.getByRole('button', { name: 'Toon' }).click();
	// Right after the walk, the attempt left halfway may still be under way.
	await expect(page.getByTestId('journey-summary')).toHaveText(
		'2 pogingen: 1 afgerond (50 %), 0 gestopt, 1 nog bezig.'
	);
	// An hour later it counts as stopped, and the page shows where.
	await page.clock.setFixedTime(Date.now() + 60 * 60 * 1000);
	await page.reload();
	await expect(page.getByTestId('journey-summary')).toHaveText(
		'2 pogingen: 1 afgerond (50 %), 1 gestopt, 0 nog bezig.'
	);
	const dropouts = page.locator('#journey-dropouts-table');
	await expect(dropouts.getByRole('row', { name: /Vraag tevreden/ })).toContainText(
		'Vraag hulp_bij (1)'
	);
	await expect(page.getByTestId('journey-findings')).toContainText(
		'Bij ‘Vraag tevreden’ haakt 1 persoon af'
	);
	await page.screenshot({ path: `${SHOTS}/staff-survey.png`, fullPage: true });
	await expectNoAxeViolations(page, 'journeys staff page, survey');

	// Someone who finished a melding earlier shows which steps make the whole flow.
	const done = randomUUID();
	const t0 = Date.now() - 60 * 60 * 1000;
	const finished = pb.createBatch();
	['what', 'where', 'details', 'contact', 'review', 'done'].forEach((step, i) =>
		finished.collection('journey_events').create({
			journeyId: done,
			process: 'melding',
			step,
			type: i === 0 ? 'start' : step === 'done' ? 'complete' : 'step',
			at: new Date(t0 + i * 1000).toISOString(),
			channel: 'web',
			language: 'nl'
		})
	);
	await finished.send();
	await page.goto('/medewerkers/journeys?proces=melding');
	// The row of that step (other rows may name it among their last steps: the demo's meldingen).
	const describeRow = page
		.locator('#journey-dropouts-table')
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'Beschrijf het probleem' }) });
	await expect(describeRow).toContainText('Waar is het probleem?');
	// The error they saw, in words rather than the form's code (`where: map`).
	await expect(describeRow).toContainText('Waar is het probleem?: geen plaats op de kaart (');
	await page.screenshot({ path: `${SHOTS}/staff-melding.png`, fullPage: true });
	await expectNoAxeViolations(page, 'journeys staff page, melding');
});

test('the CLI and the staff page give the same numbers for the same events', async ({
	page,
	baseURL
}) => {
	const pb = await asSuperuser(baseURL!);
	const process = `survey:same-${randomUUID().slice(0, 8)}`;
	const steps = ['start', 'q1', 'q2', 'controle', 'bedankt'];
	// 40 attempts over three channels, stopping at different steps; the kiosk loses more at q2.
	const events: Record<string, unknown>[] = [];
	const t0 = Date.now() - 2 * 60 * 60 * 1000;
	for (let n = 0; n < 40; n++) {
		const channel = ['web', 'app', 'kiosk'][n % 3];
		const reach = channel === 'kiosk' ? 2 + (n % 2) * 3 : 5 - (n % 4 === 0 ? 2 : 0);
		const journeyId = randomUUID();
		steps.slice(0, reach).forEach((step, i) => {
			events.push({
				journeyId,
				process,
				step,
				type: i === 0 ? 'start' : step === 'bedankt' ? 'complete' : 'step',
				at: new Date(t0 + n * 60_000 + i * 1000).toISOString(),
				channel,
				assisted: channel === 'kiosk' && n % 2 === 0,
				language: 'nl'
			});
		});
	}
	// The batch API takes at most 50 requests.
	for (let i = 0; i < events.length; i += 50) {
		const batch = pb.createBatch();
		for (const event of events.slice(i, i + 50)) batch.collection('journey_events').create(event);
		await batch.send();
	}

	const els = await asEls(baseURL!);
	const cli = spawnSync(
		globalThis.process.execPath,
		[
			'cli/bin/stadsstem.js',
			'journeys',
			'funnel',
			'--from',
			baseURL!,
			'--process',
			process,
			'--steps',
			steps.join(','),
			'--by',
			'channel',
			'--format',
			'json'
		],
		{ encoding: 'utf8', env: { ...globalThis.process.env, STADSSTEM_TOKEN: els.authStore.token } }
	);
	expect(cli.stderr).toBe('');
	const funnel = JSON.parse(cli.stdout);

	await staffLogin(page);
	await page.goto(`/medewerkers/journeys?proces=${encodeURIComponent(process)}`);
	const column = async (table: string, index: number) =>
		(await page.locator(`#${table}-table tbody tr`).all()).length
			? Promise.all(
					(await page.locator(`#${table}-table tbody tr`).all()).map(async (row) =>
						Number(await row.locator('td').nth(index).textContent())
					)
				)
			: [];
	await expect(page.locator('#journey-funnel-table tbody tr')).toHaveCount(steps.length);
	expect(await column('journey-funnel', 0)).toEqual(
		funnel.steps.map((step: { reached: number }) => step.reached)
	);
	expect(await column('journey-funnel', 1)).toEqual(
		funnel.steps.map((step: { dropped: number }) => step.dropped)
	);
	const headers = await page.locator('#journey-channel-table thead th').allTextContents();
	for (const [label, table] of Object.entries(
		funnel.segments as Record<string, { cases: number; steps: { reached: number }[] }>
	)) {
		const name = { web: 'website', app: 'app', kiosk: 'kiosk' }[label];
		const index = headers.indexOf(`${name} (${table.cases})`) - 1;
		expect(index, label).toBeGreaterThanOrEqual(0);
		expect(await column('journey-channel', index)).toEqual(table.steps.map((s) => s.reached));
	}
	await page.screenshot({ path: `${SHOTS}/staff-same-numbers.png`, fullPage: true });
	await expectNoAxeViolations(page, 'journeys staff page with findings');
});

test('steps still waiting in the page are delivered when the resident closes it mid-flow', async ({
	browser,
	baseURL
}) => {
	const pb = await asSuperuser(baseURL!);
	const slug = `journey-leave-${randomUUID().slice(0, 8)}`;
	const process = `survey:${slug}`;
	await makeSurvey(pb, slug);
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	// Timers stand still: the emitter's own flush (0.8 s after a step, 5 s after the first event)
	// never fires, so only leaving the page can send these events.
	await page.clock.install();
	await page.goto(`/bevraging/${slug}`);
	await page.clock.pauseAt(Date.now() + 1_000);
	const batches: string[] = [];
	page.on('request', (request) => {
		if (request.url().endsWith('/api/batch')) batches.push(request.postData() ?? '');
	});
	await page.getByRole('button', { name: 'Start de bevraging' }).click();
	await h1(page, 'In welk webpunt was je?');
	await page.getByRole('radio', { name: 'Bibliotheek Permeke' }).check();
	await next(page);
	await h1(page, 'Waarmee kreeg je hulp?');
	expect(batches).toEqual([]);
	// Closing runs pagehide; the keepalive request outlives the page.
	await page.close({ runBeforeUnload: true });
	await expect
		.poll(() => eventsOf(pb, pb.filter('process = {:process}', { process })), { timeout: 20_000 })
		.toEqual([
			['start', 'start'],
			['step', 'webpunt'],
			['step', 'hulp_bij']
		]);
	await context.close();
});

test('an event a later visit sends again (the page left before it heard the answer) is kept once', async ({
	page,
	baseURL
}) => {
	const pb = await asSuperuser(baseURL!);
	const slug = `journey-again-${randomUUID().slice(0, 8)}`;
	const process = `survey:${slug}`;
	await makeSurvey(pb, slug);
	const sent: { id?: string; step: string }[] = [];
	page.on('request', (request) => {
		if (!request.url().endsWith('/api/batch')) return;
		const body = JSON.parse(request.postData() ?? '{}') as {
			requests?: { body: { id?: string; step: string } }[];
		};
		for (const { body: event } of body.requests ?? []) sent.push(event);
	});
	await page.goto(`/bevraging/${slug}`);
	await page.getByRole('button', { name: 'Start de bevraging' }).click();
	await h1(page, 'In welk webpunt was je?');
	const filter = pb.filter('process = {:process}', { process });
	const firstVisit: Row[] = [
		['start', 'start'],
		['step', 'webpunt']
	];
	await expect.poll(() => eventsOf(pb, filter), { timeout: 20_000 }).toEqual(firstVisit);
	// The answer never reached the page, so the event is still stored on the device as it was
	// sent: what the emitter keeps in IndexedDB while it cannot be sure an event arrived.
	const start = sent.find((event) => event.step === 'start')!;
	expect(start.id).toMatch(/^[a-z0-9]{15}$/);
	await page.evaluate(
		({ id, ...event }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('stadsstem-journeys', 1);
				open.onupgradeneeded = () => open.result.createObjectStore('events', { keyPath: 'key' });
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const put = open.result
						.transaction('events', 'readwrite')
						.objectStore('events')
						.put({ ...event, key: id });
					put.onsuccess = () => resolve();
					put.onerror = () => reject(put.error);
				};
			}),
		start
	);
	sent.length = 0;
	// The next visit sends what it finds stored, with a new journey's first step.
	await page.goto(`/bevraging/${slug}`);
	await page.getByRole('button', { name: 'Start de bevraging' }).click();
	await expect.poll(() => sent.filter((event) => event.step === 'start').length).toBe(2);
	// Twice the same steps, each once: the resent start is not stored again.
	await expect
		.poll(async () => (await eventsOf(pb, filter)).sort(), { timeout: 20_000 })
		.toEqual([...firstVisit, ...firstVisit].sort());
	const records = await pb.collection('journey_events').getFullList({ filter });
	expect(records.map((record) => record.id)).toContain(start.id);
});

test('the staff page looks at the last 90 days unless staff choose another period', async ({
	page,
	baseURL
}) => {
	const pb = await asSuperuser(baseURL!);
	const process = `survey:period-${randomUUID().slice(0, 8)}`;
	// Two attempts 100 days ago: kept (the test server keeps 150 days) but outside the default period.
	const t0 = Date.now() - 100 * 24 * 60 * 60 * 1000;
	const batch = pb.createBatch();
	for (const [n, steps] of [
		['start', 'q1', 'bedankt'],
		['start', 'q1']
	].entries()) {
		const journeyId = randomUUID();
		steps.forEach((step, i) =>
			batch.collection('journey_events').create({
				journeyId,
				process,
				step,
				type: i === 0 ? 'start' : step === 'bedankt' ? 'complete' : 'step',
				at: new Date(t0 + n * 60_000 + i * 1000).toISOString(),
				channel: 'web',
				language: 'nl'
			})
		);
	}
	await batch.send();

	await staffLogin(page);
	await page.goto('/medewerkers/journeys');
	await h1(page, 'Waar haken mensen af?');
	// The privacy line shows the server's retention period, not a fixed number.
	await expect(page.getByText('Na 150 dagen wissen we alles.')).toBeVisible();
	const period = page.getByLabel('Periode');
	await expect(period).toHaveValue('90');
	await expect(period.locator('option')).toHaveText([
		'Laatste 7 dagen',
		'Laatste 30 dagen',
		'Laatste 90 dagen',
		'Laatste 150 dagen'
	]);
	await expect(page.getByLabel('Proces').locator(`option[value="${process}"]`)).toHaveCount(0);

	await period.selectOption('150');
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page).toHaveURL(/periode=150/);
	await page.getByLabel('Proces').selectOption(process);
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page.getByTestId('journey-summary')).toHaveText(
		'2 pogingen: 1 afgerond (50 %), 1 gestopt, 0 nog bezig.'
	);
	await expectNoAxeViolations(page, 'journeys staff page, longer period');
});

test('an attempt active in the last half hour counts as busy, not as stopped', async ({
	page,
	baseURL
}) => {
	const pb = await asSuperuser(baseURL!);
	const process = `survey:busy-${randomUUID().slice(0, 8)}`;
	// Nobody finished yet: one attempt stopped two hours ago, one is five minutes old.
	const batch = pb.createBatch();
	for (const minutesAgo of [120, 5]) {
		const journeyId = randomUUID();
		['start', 'q1'].forEach((step, i) =>
			batch.collection('journey_events').create({
				journeyId,
				process,
				step,
				type: i === 0 ? 'start' : 'step',
				at: new Date(Date.now() - minutesAgo * 60_000 + i * 1000).toISOString(),
				channel: 'web',
				language: 'nl'
			})
		);
	}
	await batch.send();

	await staffLogin(page);
	await page.goto(`/medewerkers/journeys?proces=${encodeURIComponent(process)}`);
	await expect(page.getByTestId('journey-summary')).toHaveText(
		'2 pogingen: 0 afgerond (0 %), 1 gestopt, 1 nog bezig.'
	);
	await expect(
		page.getByText('Nog bezig: de laatste stap was minder dan 30 minuten geleden.')
	).toBeVisible();
	// Without a finished attempt the page cannot tell which step is missing, and says so.
	await expect(page.getByText('Nog niemand rondde dit proces af.')).toBeVisible();
	await expect(page.getByText('Niemand stopte onderweg.')).toHaveCount(0);
	await expectNoAxeViolations(page, 'journeys staff page, busy attempts');
});
