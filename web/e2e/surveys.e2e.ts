// The survey walks of PERSONAS.md: Jan by keyboard only, Tom by touch on a
// connection that drops, and the states a resident can meet on the way.
import { expect, test, type Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import {
	answerWebpuntSurvey,
	copyOfSurvey,
	dutchDate,
	responsesWith,
	tabTo
} from './survey-helpers.ts';

const next = (page: Page) => page.getByRole('button', { name: 'Volgende' });

test('Jan completes the webpunt survey with the keyboard only, and fixes the error he is told about', async ({
	page,
	baseURL
}) => {
	const marker = `jan-${Date.now()}`;
	await page.goto('/bevraging/tevredenheid-webpunt');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Hoe was je bezoek aan het webpunt?'
	);
	await expectNoAxeViolations(page, 'survey intro');

	await tabTo(page, page.getByRole('button', { name: 'Start de bevraging' }));
	await page.keyboard.press('Enter');

	// Which webpunt: the first radio, chosen with Space.
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
	await expect(page.getByText('Stap 1 van 6')).toBeVisible();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Space');
	await tabTo(page, next(page));
	await page.keyboard.press('Enter');

	// What help: Jan first goes on without choosing; the error summary takes focus.
	await expect(
		page.getByRole('heading', { level: 1, name: 'Waarmee kreeg je hulp?' })
	).toBeFocused();
	await tabTo(page, next(page));
	await page.keyboard.press('Enter');
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Beantwoord deze vraag.');
	await expect(
		page.getByRole('group', { name: 'Waarmee kreeg je hulp?' })
	).toHaveAccessibleDescription(/Beantwoord deze vraag/);
	await expectNoAxeViolations(page, 'question with an error');
	// The summary's link brings him to the field.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('checkbox', { name: /Inloggen/ })).toBeFocused();
	await page.keyboard.press('Space');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Space');
	await tabTo(page, next(page));
	await page.keyboard.press('Enter');

	// Satisfaction 1–5: arrows move the choice.
	await expect(
		page.getByRole('heading', { level: 1, name: 'Hoe tevreden ben je over de hulp?' })
	).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Space');
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
	await tabTo(page, next(page));
	await page.keyboard.press('Enter');

	// It did not work out: the follow-up question appears.
	await page.keyboard.press('Tab');
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: 'Nee' })).toBeChecked();
	await tabTo(page, next(page));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Wat lukte er niet?' })).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.type(`Inloggen met de kaartlezer ${marker}`);
	await tabTo(page, next(page));
	await page.keyboard.press('Enter');

	// Two optional questions: one skipped, one answered.
	await tabTo(page, next(page));
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Meer stopcontacten');
	await page.keyboard.press('Enter');

	await expect(
		page.getByRole('heading', { level: 1, name: 'Controleer je antwoorden' })
	).toBeFocused();
	await expect(page.getByText('4 (op een schaal van 1 tot 5)')).toBeVisible();
	await expectNoAxeViolations(page, 'review');
	await tabTo(page, page.getByRole('button', { name: 'Verstuur mijn antwoorden' }));
	await page.keyboard.press('Enter');

	await expect(
		page.getByRole('heading', { level: 1, name: 'Bedankt voor je mening' })
	).toBeFocused();
	await expect(page.getByText('We hebben je antwoorden goed ontvangen.')).toBeVisible();
	await expectNoAxeViolations(page, 'thank-you page');

	const stored = await responsesWith(baseURL!, marker);
	expect(stored).toHaveLength(1);
	expect(stored[0].answers).toEqual({
		webpunt: 'permeke',
		hulp_bij: ['inloggen', 'document'],
		tevreden: 4,
		gelukt: false,
		wat_lukte_niet: `Inloggen met de kaartlezer ${marker}`,
		tip: 'Meer stopcontacten'
	});
	expect(stored[0].channel).toBe('web');
});

test('Tom answers the crossroads survey on the tram: the connection drops at the end, the answer goes once when it is back', async ({
	page,
	context,
	baseURL
}) => {
	const marker = `tom-${Date.now()}`;
	await page.goto('/');
	await page.getByRole('link', { name: /rondpunt of verkeerslichten/ }).click();
	await page.getByRole('button', { name: 'Start de bevraging' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'De twee plannen' })).toBeVisible();
	await next(page).click();
	await page.getByRole('radio', { name: 'Ja' }).check();
	await next(page).click();
	await page.getByRole('checkbox', { name: 'Met de fiets' }).check();
	await page.getByRole('checkbox', { name: 'Met de tram of de bus' }).check();
	await next(page).click();
	await page.getByRole('radio', { name: /^2/ }).check();
	await next(page).click();
	await page.getByRole('radio', { name: 'Plan A: een rondpunt' }).check();
	await next(page).click();
	await page
		.getByRole('textbox', { name: /Waarom kies je dit plan/ })
		.fill(`Veiliger voor fietsers ${marker}`);
	await next(page).click();
	// Ranking: move "Meer bomen en groen" to the top with its buttons.
	for (let i = 0; i < 4; i++)
		await page.getByRole('button', { name: 'Meer bomen en groen hoger zetten' }).click();
	await expect(page.getByRole('listitem').first()).toContainText('Meer bomen en groen');
	await next(page).click();
	await next(page).click();

	await expect(
		page.getByRole('heading', { level: 1, name: 'Controleer je antwoorden' })
	).toBeVisible();
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
	await expect(page.getByText('Je antwoorden staan klaar op dit toestel')).toBeVisible();
	await expect(page.getByText('1 inzending wacht op verbinding')).toBeVisible();
	expect(await responsesWith(baseURL!, marker)).toHaveLength(0);
	// Offline too, the thank-you page says what happens next and when the results come.
	const { definition } = await new PocketBase(baseURL)
		.collection('surveys')
		.getFirstListItem("slug = 'kruispunt-rondpunt-of-verkeerslichten'");
	await expect(page.getByText(definition.whatNext.nl)).toBeVisible();
	await expect(
		page.getByText(
			`De resultaten verschijnen rond ${dutchDate(definition.resultsAt.slice(0, 10))}.`
		)
	).toBeVisible();
	await expectNoAxeViolations(page, 'thank-you page after an offline send');

	await context.setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	// Sent by the retry timer or the online event, whichever comes first.
	await expect(page.getByText(/Verstuurd om .*rondpunt of verkeerslichten/)).toBeVisible({
		timeout: 20_000
	});
	await page.reload();
	await page.evaluate(() => window.dispatchEvent(new Event('online')));

	const stored = await responsesWith(baseURL!, marker);
	expect(stored).toHaveLength(1);
	expect(stored[0].answers.belangrijk[0]).toBe('groen');
	expect(stored[0].answers.vervoer).toEqual(['fiets', 'tram_bus']);
});

test('answers survive a reload, and a point picked on the map is part of the answer', async ({
	page,
	baseURL
}) => {
	const marker = `plein-${Date.now()}`;
	await page.goto('/bevraging/plein-consultatie');
	await page.getByRole('button', { name: 'Start de bevraging' }).click();
	await next(page).click();
	await page.getByRole('radio', { name: 'Bijna elke dag' }).check();
	await next(page).click();
	await page.getByRole('radio', { name: /^4/ }).check();
	await next(page).click();

	// A reload on the next question, then back to the start: nothing is lost.
	await page.reload();
	await page.goto('/bevraging/plein-consultatie');
	await page.getByRole('button', { name: 'Ga verder waar je was' }).click();
	await next(page).click();
	await expect(page.getByRole('radio', { name: 'Bijna elke dag' })).toBeChecked();
	await next(page).click();
	await expect(page.getByRole('radio', { name: /^4/ })).toBeChecked();
	await next(page).click();

	await page.getByRole('checkbox', { name: 'Een speeltuin' }).check();
	await next(page).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Voor wie is de speeltuin vooral?' })
	).toBeVisible();
	await page.getByRole('radio', { name: 'Alle leeftijden samen' }).check();
	await next(page).click();

	const map = page.getByRole('application', { name: 'Kaart om een plaats te kiezen' });
	await map.click({ position: { x: 40, y: 40 } });
	await expect(page.getByText(/Gekozen punt: 51\.2/)).toBeVisible();
	await expectNoAxeViolations(page, 'location question');
	await next(page).click();
	await page.getByRole('radio', { name: 'Ja' }).check();
	await next(page).click();
	await page.getByRole('textbox').fill(`Een overdekte fietsenstalling ${marker}`);
	await next(page).click();
	await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Bedankt voor je mening' })
	).toBeVisible();

	const [stored] = await responsesWith(baseURL!, marker);
	expect(stored.answers.hoe_vaak).toBe('dagelijks');
	expect(stored.answers.veilig_avond).toBe(4);
	expect(stored.answers.speeltuin_leeftijd).toBe('iedereen');
	expect(stored.answers.plek_groen.lat).toBeGreaterThan(51.2145);
	expect(stored.answers.plek_groen.lat).toBeLessThan(51.2172);
});

test.describe('a survey that does not take answers', () => {
	test('a closed survey says so and offers no way to answer', async ({ page, baseURL }) => {
		const { slug } = await copyOfSurvey(baseURL!, { status: 'closed' });
		await page.goto(`/bevraging/${slug}`);
		await expect(
			page.getByText('Deze bevraging is gesloten. Je kunt niet meer antwoorden.')
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Start de bevraging' })).toHaveCount(0);
		await expectNoAxeViolations(page, 'closed survey');
	});

	test('Tom answered offline, the survey closed meanwhile: he is told why his answer was refused', async ({
		page,
		context,
		baseURL
	}) => {
		const { pb, survey, slug } = await copyOfSurvey(baseURL!);
		await page.goto(`/bevraging/${slug}`);
		await answerWebpuntSurvey(page);
		await context.setOffline(true);
		await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
		await expect(page.getByText('1 inzending wacht op verbinding')).toBeVisible();

		await pb.collection('surveys').update(survey.id, { status: 'closed' });
		await context.setOffline(false);
		await page.evaluate(() => window.dispatchEvent(new Event('online')));
		await expect(page.getByRole('alert')).toContainText('De bevraging was intussen gesloten.');
		await expectNoAxeViolations(page, 'refused queued answer');
		await page.getByRole('button', { name: 'Begrepen, verwijder dit bericht' }).click();
		await expect(page.getByRole('alert')).toHaveCount(0);
	});
});

test('the results page shows each question as a chart with a table of the same numbers', async ({
	page,
	baseURL
}) => {
	const pb = new PocketBase(baseURL);
	const slug = 'kruispunt-rondpunt-of-verkeerslichten';
	// One more answer, so there is something to count whatever ran before.
	const survey = await pb.collection('surveys').getFirstListItem(`slug = '${slug}'`);
	await pb.collection('responses').create({
		survey: survey.id,
		clientId: crypto.randomUUID(),
		channel: 'web',
		language: 'nl',
		answers: {
			woont_in_buurt: true,
			vervoer: ['te_voet'],
			veilig_nu: 3,
			voorkeur: 'verkeerslichten'
		}
	});
	const api = await pb.send(`/api/stadsstem/surveys/${slug}/results`, {});
	const voorkeur = api.results.questions.find(
		(question: { id: string }) => question.id === 'voorkeur'
	);

	await page.goto(`/bevraging/${slug}/resultaten`);
	await expect(page.getByText(`${api.results.responses} mensen gaven hun mening.`)).toBeVisible();
	const table = page.getByRole('table', { name: 'Welk plan kies je?' });
	for (const [label, id] of [
		['Plan A: een rondpunt', 'rondpunt'],
		['Plan B: verkeerslichten', 'verkeerslichten']
	]) {
		const count = voorkeur.options.find((option: { id: string }) => option.id === id).count;
		await expect(
			table
				.getByRole('row', { name: new RegExp(label) })
				.getByRole('cell')
				.first()
		).toHaveText(String(count));
	}
	await expect(page.locator('canvas').first()).toBeVisible();
	await expectNoAxeViolations(page, 'results page');
});

test('results that are not public are not shown', async ({ page }) => {
	await page.goto('/bevraging/tevredenheid-webpunt/resultaten');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'De resultaten van deze bevraging zijn (nog) niet openbaar.'
	);
	const response = await page.request.get('/api/stadsstem/surveys/tevredenheid-webpunt/results');
	expect(response.status()).toBe(403);
});
