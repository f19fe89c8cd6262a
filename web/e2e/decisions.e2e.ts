// Decisions (issue 5) in the browser: the personas' walks against the real
// build and a real, seeded PocketBase, with axe on the list, the detail page,
// empty results and the staff editor.
import { expect, test } from '@playwright/test';
import PocketBase from 'pocketbase';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import { countText, pieterLogsIn, published, superuser, tabTo } from './decisions-helpers.ts';

const SHOTS = process.env.STADSSTEM_SCREENSHOTS ?? 'test-results/decisions-screens';

test('Jan finds a decision by search with the keyboard only, and Back brings his search back', async ({
	page,
	baseURL
}) => {
	const all = await published(baseURL);
	const wanted = all.filter((decision) =>
		`${decision.title} ${decision.shortTitle} ${decision.summary} ${decision.description}`
			.toLowerCase()
			.includes('geveltuin')
	);
	expect(wanted.length).toBeGreaterThan(0);

	await page.goto('/beslissingen');
	await expect(page.getByTestId('decisions-list')).toBeVisible();
	await expectNoAxeViolations(page, 'list');
	await page.screenshot({ path: `${SHOTS}/list.png`, fullPage: true });

	const search = page.getByRole('searchbox', { name: 'Zoekwoorden' });
	await tabTo(page, search);
	await page.keyboard.type('geveltuin');
	await page.keyboard.press('Enter');
	// The count is in a polite live region: a screen reader hears it without losing its place.
	const count = page.getByTestId('decisions-count');
	await expect(count).toHaveText(countText(wanted.length));
	await expect(count.locator('xpath=..')).toHaveAttribute('aria-live', 'polite');
	await expect(page).toHaveURL(/zoek=geveltuin/);
	await expect(search).toBeFocused();

	const first = wanted[0];
	const link = page
		.getByTestId('decisions-list')
		.getByRole('link', { name: first.shortTitle || first.title });
	await tabTo(page, link);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.shortTitle || first.title);
	await expect(page.getByTestId('decision-summary')).toHaveText(first.summary);

	await page.goBack();
	await expect(page.getByRole('searchbox', { name: 'Zoekwoorden' })).toHaveValue('geveltuin');
	await expect(count).toHaveText(/gevonden/);
	await expect(page.getByTestId('decisions-list').locator(':scope > li')).toHaveCount(
		wanted.length
	);
});

test('Jan filters by district and "in force now" with the keyboard only; the address can be shared', async ({
	page,
	baseURL
}) => {
	const all = await published(baseURL);
	const district = 'borgerhout';
	const wanted = all.filter((decision) => decision.district === district);
	expect(wanted.length).toBeGreaterThan(0);

	await page.goto('/beslissingen');
	await expect(page.getByTestId('decisions-list')).toBeVisible();
	const select = page.getByLabel('District', { exact: true });
	await tabTo(page, select);
	await page.keyboard.type('Borgerhout');
	await expect(select).toHaveValue(district);
	await tabTo(page, page.getByRole('button', { name: 'Zoeken' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/district=borgerhout/);
	const items = page.getByTestId('decisions-list').locator(':scope > li');
	await expect(items).toHaveCount(wanted.length);
	for (const decision of wanted) {
		await expect(
			page.getByRole('link', { name: decision.shortTitle || decision.title })
		).toBeVisible();
	}

	// The same address in a fresh page gives the same result: the search is shareable.
	const shared = page.url();
	const other = await page.context().newPage();
	await other.goto(shared);
	await expect(other.getByTestId('decisions-list').locator(':scope > li')).toHaveCount(
		wanted.length
	);
	await expect(other.getByLabel('District', { exact: true })).toHaveValue(district);
	await other.close();

	// "Only rules that apply now": the checkbox is toggled with the space bar.
	const today = new Date().toISOString().slice(0, 10);
	const inForce = wanted.filter(
		(decision) =>
			(!decision.inForceFrom || decision.inForceFrom.slice(0, 10) <= today) &&
			(!decision.inForceUntil || decision.inForceUntil.slice(0, 10) >= today)
	);
	await tabTo(page, page.getByLabel('Alleen regels die nu gelden'));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('button', { name: 'Zoeken' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/geldt=ja/);
	await expect(page.getByTestId('decisions-count')).toHaveText(countText(inForce.length));
});

test('empty results say so and how to continue; axe clean', async ({ page }) => {
	await page.goto('/beslissingen?zoek=xylofoonwedstrijd');
	await expect(page.getByTestId('decisions-count')).toHaveText('Geen beslissingen gevonden.');
	await expect(page.getByText('Probeer een ander woord of wis een filter.')).toBeVisible();
	await expectNoAxeViolations(page, 'empty results');
	await page.screenshot({ path: `${SHOTS}/empty.png`, fullPage: true });
	await page.getByRole('button', { name: 'Alle filters wissen' }).click();
	await expect(page).toHaveURL(/\/beslissingen$/);
	await expect(page.getByTestId('decisions-list')).toBeVisible();
});

test('the detail page: summary first, articles, the survey that informed it, JSON-LD linked, axe clean', async ({
	page,
	baseURL
}) => {
	const pb = new PocketBase(baseURL);
	const decision = await pb
		.collection('decisions')
		.getFirstListItem("slug = 'circulatieplan-deurne-noord'", { expand: 'relatedSurveys' });
	await page.goto(`/beslissingen/${decision.slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(decision.shortTitle);
	// Summary first: the first section heading after the title.
	await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(
		'Wat betekent dit voor mij?'
	);
	for (const article of decision.articles as { number: string; text: string }[]) {
		await expect(page.getByRole('heading', { name: `Artikel ${article.number}` })).toBeVisible();
		await expect(page.getByText(article.text)).toBeVisible();
	}
	await expect(page.getByRole('heading', { name: 'Jouw mening telde mee' })).toBeVisible();
	for (const survey of decision.expand?.relatedSurveys ?? []) {
		await expect(page.getByRole('link', { name: survey.title.nl, exact: true })).toHaveAttribute(
			'href',
			`/bevraging/${survey.slug}`
		);
	}
	// The seed places this decision in Deurne: said in words, with a map that shows it.
	await expect(page.getByTestId('decision-place')).toContainText('In Deurne.');
	await expect(
		page.getByRole('img', { name: 'Kaart met de plek van deze beslissing. In Deurne.' })
	).toBeVisible();
	const alternate = page.locator('link[rel="alternate"][type="application/ld+json"]');
	await expect(alternate).toHaveAttribute(
		'href',
		`/api/stadsstem/decisions/${decision.slug}.jsonld`
	);
	// No inline JSON-LD: the planned strict CSP forbids inline scripts.
	await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
	const jsonld = await page.request.get((await alternate.getAttribute('href')) ?? '/missing');
	expect((await jsonld.json())['@type']).toBe('besluit:Besluit');
	await expectNoAxeViolations(page, 'detail');
	await page.screenshot({ path: `${SHOTS}/detail.png`, fullPage: true });

	// Print: the decision alone, without header, controls or footer.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
	await expect(page.getByTestId('decision-summary')).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/detail-print.png`, fullPage: true });
	await page.emulateMedia({ media: 'screen' });
});

test('Fatima switches to Arabic, reads the summary of the decision about her street and asks to hear it', async ({
	page,
	baseURL
}) => {
	// Record what the page asks the speech engine, without replacing the engine.
	await page.addInitScript(() => {
		const calls: string[] = [];
		(window as unknown as { spoken: string[] }).spoken = calls;
		if ('speechSynthesis' in window) {
			const speak = speechSynthesis.speak.bind(speechSynthesis);
			speechSynthesis.speak = (utterance) => {
				calls.push(utterance.text);
				speak(utterance);
			};
		}
	});
	const decision = await new PocketBase(baseURL)
		.collection('decisions')
		.getFirstListItem("slug = 'straatnaam-borgerhout-sint-erasmusplein'");
	await page.goto('/beslissingen');
	await page.getByLabel('Taal').selectOption('ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('القرارات');
	await page.getByRole('link', { name: decision.shortTitle }).click();

	await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(
		'ماذا يعني هذا بالنسبة لي؟'
	);
	// The decision itself is Dutch: marked as such, and the page says so in Arabic.
	const summary = page.getByTestId('decision-summary');
	await expect(summary).toHaveText(decision.summary);
	await expect(summary).toHaveAttribute('lang', 'nl');
	await expect(page.getByText('هذا النص غير متوفر بلغتك بعد.', { exact: false })).toBeVisible();
	await expectNoAxeViolations(page, 'detail in Arabic');

	const hasDutchVoice = await page.evaluate(
		() =>
			'speechSynthesis' in window &&
			speechSynthesis.getVoices().some((voice) => voice.lang.toLowerCase().startsWith('nl'))
	);
	await page.getByRole('button', { name: 'اقرأ الملخص بصوت عالٍ' }).click();
	if (hasDutchVoice) {
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken))
			.toEqual([decision.summary]);
	} else {
		// Headless Chromium has no voices: the resident is told plainly, in her language.
		await expect(page.getByRole('status').filter({ hasText: 'لا يوجد صوت هولندي' })).toBeVisible();
		expect(await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken)).toEqual(
			[]
		);
	}
	await page.screenshot({ path: `${SHOTS}/fatima-ar.png`, fullPage: true });
});

test('Fatima in French filters on her district and reads the plain-language summary', async ({
	page,
	baseURL
}) => {
	const wanted = (await published(baseURL)).filter(
		(decision) => decision.district === 'borgerhout'
	);
	await page.goto('/beslissingen');
	await page.getByLabel('Taal').selectOption('fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Décisions');
	await page.getByLabel('District', { exact: true }).selectOption('borgerhout');
	await page.getByRole('button', { name: 'Chercher' }).click();
	await expect(page.getByTestId('decisions-list').locator(':scope > li')).toHaveCount(
		wanted.length
	);
	await page.getByRole('link', { name: wanted[0].shortTitle || wanted[0].title }).click();
	await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(
		"Qu'est-ce que cela signifie pour moi ?"
	);
	await expect(page.getByTestId('decision-summary')).toHaveText(wanted[0].summary);
	await expect(page.getByText('Conseil de district')).toBeVisible();
});

test('Pieter publishes a council decision with its plain-language summary, linked to the survey that informed it', async ({
	page,
	baseURL
}) => {
	const pb = new PocketBase(baseURL);
	const survey = await pb
		.collection('surveys')
		.getFirstListItem("slug = 'kruispunt-rondpunt-of-verkeerslichten'");
	const suffix = Date.now().toString(36);
	const shortTitle = `Rondpunt Herentalsebaan ${suffix}`;
	const summary =
		'Het kruispunt wordt een rondpunt. De werken starten in maart. Fietsers krijgen een eigen pad.';

	await pieterLogsIn(page);
	await page.getByRole('link', { name: 'Beslissingen beheren' }).click();
	await expect(page.getByTestId('staff-decisions')).toBeVisible();
	await expectNoAxeViolations(page, 'staff list with drafts');
	await page.getByRole('link', { name: 'Nieuwe beslissing' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe beslissing' })).toBeVisible();
	await expectNoAxeViolations(page, 'staff editor, empty');

	await page
		.getByLabel('Titel (officieel)')
		.fill(`Heraanleg van het kruispunt Herentalsebaan ${suffix}`);
	await page.getByLabel('Korte titel').fill(shortTitle);
	await expect(page.getByLabel('Adres op de website')).toHaveValue(
		`rondpunt-herentalsebaan-${suffix}`
	);
	await page.getByLabel('Wie besliste').selectOption('gemeenteraad');
	// Publishing without a summary is refused with an error summary that links to the field.
	await page.getByRole('button', { name: 'Publiceren' }).click();
	const errors = page.getByRole('heading', { name: 'Er is een probleem' });
	await expect(errors).toBeVisible();
	await expectNoAxeViolations(page, 'staff editor, errors shown');
	await page
		.getByRole('link', { name: 'Schrijf een samenvatting in gewone taal voor je publiceert.' })
		.click();
	await expect(page.getByLabel(/Samenvatting in gewone taal/)).toBeFocused();
	await page.keyboard.type(summary);
	// The text and its motivation too: every published decision has them (OSLO requires both).
	await page
		.getByRole('link', {
			name: 'Schrijf de motivering voor je publiceert: waarom besliste de stad dit?'
		})
		.click();
	await expect(page.getByLabel(/^Motivering/)).toBeFocused();
	await page.keyboard.type('Het kruispunt is te gevaarlijk voor fietsers.');
	await page
		.getByRole('link', { name: 'Schrijf de tekst van de beslissing voor je publiceert.' })
		.click();
	await expect(page.getByLabel(/^Tekst van de beslissing/)).toBeFocused();
	await page.keyboard.type('De gemeenteraad keurt de heraanleg als rondpunt goed.');

	await page.getByRole('button', { name: 'Artikel toevoegen' }).click();
	await page
		.getByLabel('Tekst van artikel 1')
		.fill('Het kruispunt wordt heraangelegd als rondpunt.');
	await page.getByText('Mobiliteit', { exact: true }).click();
	await page.getByText(survey.title.nl, { exact: true }).click();

	await page.getByRole('button', { name: 'Voorbeeld' }).click();
	const preview = page.getByTestId('decision-preview');
	await expect(preview.getByText(summary)).toBeVisible();
	await expect(preview.getByRole('link', { name: survey.title.nl, exact: true })).toBeVisible();
	await expectNoAxeViolations(page, 'staff editor, preview');
	await page.screenshot({ path: `${SHOTS}/editor-preview.png`, fullPage: true });
	await page.getByRole('button', { name: 'Bewerken' }).click();

	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByTestId('editor-status')).toHaveText('Gepubliceerd');
	await expect(page.getByText('Gepubliceerd. Inwoners zien de beslissing nu.')).toBeVisible();
	await expectNoAxeViolations(page, 'staff editor, published');
	await page.screenshot({ path: `${SHOTS}/editor.png`, fullPage: true });

	// A change to a published decision needs a reason, and residents see it in the history.
	await page.getByLabel(/Samenvatting in gewone taal/).fill(`${summary} Bussen rijden om.`);
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(page.getByLabel('Waarom wijzig je deze gepubliceerde beslissing?')).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await page
		.getByLabel('Waarom wijzig je deze gepubliceerde beslissing?')
		.fill('De omleiding voor bussen toegevoegd.');
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(page.getByTestId('editor-history').getByRole('listitem')).toHaveCount(2);

	// What a resident sees.
	const resident = await page.context().browser()!.newPage();
	const created = await pb.collection('decisions').getFirstListItem(`shortTitle = '${shortTitle}'`);
	await resident.goto(`${baseURL}/beslissingen/${created.slug}`);
	await expect(resident.getByTestId('decision-summary')).toHaveText(`${summary} Bussen rijden om.`);
	await expect(resident.getByRole('link', { name: survey.title.nl, exact: true })).toHaveAttribute(
		'href',
		`/bevraging/${survey.slug}`
	);
	const history = resident.getByTestId('decision-history');
	await expect(history).toContainText('Wat veranderde: samenvatting');
	await expect(history).toContainText('Waarom: De omleiding voor bussen toegevoegd.');
	await resident.screenshot({ path: `${SHOTS}/published-by-pieter.png`, fullPage: true });
	await resident.close();

	// Withdrawn: residents no longer find it.
	await page.getByRole('button', { name: 'Intrekken' }).click();
	await expect(page.getByTestId('editor-status')).toHaveText('Ingetrokken');
	const after = await pb.collection('decisions').getList(1, 1, {
		filter: `slug = '${created.slug}'`
	});
	expect(after.totalItems).toBe(0);
});

test('following a theme: the form says what is kept, errors are listed and linked, axe clean', async ({
	page
}) => {
	await page.goto('/beslissingen');
	const follow = page.getByRole('region', { name: 'Krijg een e-mail bij nieuwe beslissingen' });
	await expect(
		follow.getByText(/Wat we bewaren: alleen je e-mailadres en wat je volgt/)
	).toBeVisible();
	await follow.getByLabel('Je e-mailadres').fill('geen-adres');
	await follow.getByRole('button', { name: 'Volgen' }).click();
	await expect(page.getByRole('heading', { name: 'Er is een probleem' })).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Vul een e-mailadres in zoals naam@voorbeeld.be.' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Kies een thema.' })).toBeVisible();
	await expectNoAxeViolations(page, 'follow form with errors');
	await page.getByRole('link', { name: 'Kies een thema.' }).click();
	await expect(page.getByLabel('Een thema', { exact: true }).last()).toBeFocused();
});

test('the links in the follow emails: confirm at once, unsubscribe only after asking', async ({
	page,
	baseURL
}) => {
	const su = await superuser(baseURL);
	const token = `t${Date.now().toString(36)}${'x'.repeat(32)}`.slice(0, 40);
	const subscription = await su.collection('decision_subscriptions').create({
		email: `lotte-${Date.now()}@example.com`,
		district: 'deurne',
		token,
		confirmed: false
	});

	await page.goto(`/beslissingen/volgen?bevestig=${token}`);
	await expect(page.getByText('Gelukt. Je krijgt een e-mail')).toBeVisible();
	expect((await su.collection('decision_subscriptions').getOne(subscription.id)).confirmed).toBe(
		true
	);

	await page.goto(`/beslissingen/volgen?uitschrijven=${token}`);
	await expect(page.getByText('Wil je geen e-mails meer over nieuwe beslissingen?')).toBeVisible();
	// Opening the link alone (as a mail scanner does) changes nothing.
	expect((await su.collection('decision_subscriptions').getOne(subscription.id)).id).toBe(
		subscription.id
	);
	await expectNoAxeViolations(page, 'unsubscribe question');
	await page.getByRole('button', { name: 'Ja, schrijf me uit' }).click();
	await expect(page.getByText('Je bent uitgeschreven. We wisten je e-mailadres.')).toBeVisible();
	await expect(
		su.collection('decision_subscriptions').getOne(subscription.id)
	).rejects.toMatchObject({ status: 404 });

	await page.goto(`/beslissingen/volgen?bevestig=${token}`);
	await expect(page.getByText('Deze link werkt niet (meer).')).toBeVisible();
});

test('200 % text and forced colours: the list and a decision still fit the phone and pass axe', async ({
	page
}) => {
	await page.emulateMedia({ forcedColors: 'active' });
	await page.goto('/beslissingen/subsidiereglement-geveltuinen');
	await expect(page.getByTestId('decision-summary')).toBeVisible();
	await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
	// Our content only: the shared header is checked by the accessibility suite.
	const overflow = () =>
		page.evaluate(() => {
			const width = document.documentElement.clientWidth;
			return [...document.querySelectorAll('main *')]
				.map((element) => Math.ceil(element.getBoundingClientRect().right - width))
				.reduce((most, over) => Math.max(most, over), 0);
		});
	expect(await overflow()).toBeLessThanOrEqual(1);
	await expectNoAxeViolations(page, 'detail, forced colours, 200 % text');
	await page.screenshot({ path: `${SHOTS}/detail-200-forced.png`, fullPage: true });

	await page.goto('/beslissingen');
	await expect(page.getByTestId('decisions-list')).toBeVisible();
	await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
	expect(await overflow()).toBeLessThanOrEqual(1);
	await expectNoAxeViolations(page, 'list, forced colours, 200 % text');
});
