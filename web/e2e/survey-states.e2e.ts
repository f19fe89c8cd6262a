// The states a resident meets around a survey besides its questions: not open
// yet, unknown, not loading, refused when sent, the thank-you page, and a
// device that already answered. Surveys are made through the API for each test.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import PocketBase from 'pocketbase';
import { parse } from 'yaml';
import { importSurvey } from '../../cli/surveys/publish.ts';
import { loadedSurvey } from '../../surveys/test-fixtures.ts';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import {
	answerCrossroadsSurvey,
	newKiosk,
	openCrossroadsSurvey,
	openKiosk
} from '../../kiosk/e2e/kiosk-helpers.ts';
import {
	answerWebpuntSurvey,
	asSuperuser,
	cityDate,
	copyOfSurvey,
	dutchDate,
	responsesWith
} from './survey-helpers.ts';

const h1 = (page: import('@playwright/test').Page) => page.getByRole('heading', { level: 1 });
const send = (page: import('@playwright/test').Page) =>
	page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();

/** The webpunt survey's definition without the Permeke webpunt, as an editor may change it. */
function withoutPermeke<T extends { questions: { id: string; options?: { id: string }[] }[] }>(
	definition: T
): T {
	return {
		...definition,
		questions: definition.questions.map((question) =>
			question.id === 'webpunt'
				? { ...question, options: question.options!.filter((option) => option.id !== 'permeke') }
				: question
		)
	};
}

async function responsesTo(baseURL: string, surveyId: string) {
	const pb = await asSuperuser(baseURL);
	return pb
		.collection('responses')
		.getFullList({ filter: pb.filter('survey = {:surveyId}', { surveyId }) });
}

test('a survey that opens later says on which day, and takes no answers before', async ({
	page,
	baseURL
}) => {
	const opens = cityDate(3);
	const { survey, slug } = await copyOfSurvey(baseURL!, { opens, closes: cityDate(40) });
	await page.goto(`/bevraging/${slug}`);
	await expect(h1(page)).toHaveText('Hoe was je bezoek aan het webpunt?');
	await expect(page.getByTestId('survey-notice')).toHaveText(
		`Deze bevraging start op ${dutchDate(opens)}. Je kunt nog niet antwoorden.`
	);
	await expect(page.getByRole('button', { name: /Start de bevraging|Ga verder/ })).toHaveCount(0);
	await expectNoAxeViolations(page, 'survey not open yet');

	// A link straight to a question shows the same notice, never the question.
	await page.goto(`/bevraging/${slug}?vraag=webpunt`);
	await expect(page.getByTestId('survey-notice')).toContainText('Je kunt nog niet antwoorden.');
	await expect(page.getByRole('radio')).toHaveCount(0);
	await page.goto(`/bevraging/${slug}?stap=controle`);
	await expect(page.getByRole('button', { name: 'Verstuur mijn antwoorden' })).toHaveCount(0);
	expect(await responsesTo(baseURL!, survey.id)).toEqual([]);
});

test('an address of a survey that does not exist says so, with the way home', async ({ page }) => {
	await page.goto('/bevraging/bestaat-niet');
	await expect(h1(page)).toHaveText('Deze bevraging bestaat niet.');
	await expect(page).toHaveTitle(/Deze bevraging bestaat niet/);
	await expectNoAxeViolations(page, 'unknown survey');
	await page.getByRole('link', { name: 'Terug naar de startpagina' }).click();
	await expect(h1(page)).toHaveText('Geef je mening');
});

test('a survey that cannot load says so, and loads when Tom tries again', async ({ page }) => {
	// The connection drops for the survey's own request only: the page itself did load.
	await page.route('**/api/collections/surveys/records**', (route) =>
		route.abort('internetdisconnected')
	);
	await page.goto('/bevraging/tevredenheid-webpunt');
	await expect(h1(page)).toHaveText('We kunnen de bevraging nu niet laden.');
	await expectNoAxeViolations(page, 'survey load error');

	await page.unroute('**/api/collections/surveys/records**');
	await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
	await expect(h1(page)).toHaveText('Hoe was je bezoek aan het webpunt?');
	await expect(page.getByRole('button', { name: 'Start de bevraging' })).toBeVisible();
});

test('Jan sends, but the survey closed while he answered: the review says so and keeps his answers', async ({
	page,
	baseURL
}) => {
	const { pb, survey, slug } = await copyOfSurvey(baseURL!);
	await page.goto(`/bevraging/${slug}`);
	await answerWebpuntSurvey(page);
	await pb.collection('surveys').update(survey.id, { status: 'closed' });

	await send(page);
	await expect(page.getByRole('alert')).toHaveText(
		'Deze bevraging is intussen gesloten. We konden je antwoorden niet meer aannemen.'
	);
	await expect(h1(page)).toHaveText('Controleer je antwoorden');
	await expect(page.getByText('Bibliotheek Permeke')).toBeVisible();
	await expect(page.getByText('Een afspraak maken')).toBeVisible();
	await expectNoAxeViolations(page, 'review, survey closed meanwhile');
	expect(await responsesTo(baseURL!, survey.id)).toEqual([]);
});

test('Jan sends, the server refuses for another reason: he may try again, his answers survive a reload, and the second try arrives once', async ({
	page,
	baseURL
}) => {
	const { pb, survey, slug } = await copyOfSurvey(baseURL!);
	await page.goto(`/bevraging/${slug}`);
	await answerWebpuntSurvey(page);
	// Meanwhile an editor took away the webpunt Jan chose: the server refuses his answers.
	const definition = survey.definition;
	const without = withoutPermeke(definition);
	await pb.collection('surveys').update(survey.id, { definition: without });

	await send(page);
	await expect(page.getByRole('alert')).toHaveText('Versturen lukte niet. Probeer het opnieuw.');
	await expect(page.getByText('Bibliotheek Permeke')).toBeVisible();
	await expectNoAxeViolations(page, 'review, sending failed');
	expect(await responsesTo(baseURL!, survey.id)).toEqual([]);

	// The editor puts it back; Jan's answers are still on his device after a reload.
	await pb.collection('surveys').update(survey.id, { definition });
	await page.reload();
	await expect(h1(page)).toHaveText('Controleer je antwoorden');
	await expect(page.getByText('Bibliotheek Permeke')).toBeVisible();
	await send(page);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Bedankt voor je mening' })
	).toBeVisible();
	const stored = await responsesTo(baseURL!, survey.id);
	expect(stored).toHaveLength(1);
	expect(stored[0].answers).toMatchObject({ webpunt: 'permeke', hulp_bij: ['afspraak'] });
});

test('the thank-you page says what happens next and when results come; the same phone cannot answer again', async ({
	page,
	baseURL
}) => {
	const { survey, slug } = await copyOfSurvey(baseURL!, { resultsPublic: true });
	await page.goto(`/bevraging/${slug}`);
	await answerWebpuntSurvey(page);
	await send(page);

	await expect(h1(page)).toHaveText('Bedankt voor je mening');
	await expect(page.getByRole('heading', { level: 2, name: 'Wat gebeurt er nu?' })).toBeVisible();
	await expect(page.getByText(survey.definition.whatNext.nl)).toBeVisible();
	await expect(
		page.getByText(
			`De resultaten verschijnen rond ${dutchDate(survey.definition.resultsAt.slice(0, 10))}.`
		)
	).toBeVisible();
	await expectNoAxeViolations(page, 'thank-you page');

	// Back to the survey on the same phone: it says so plainly and offers no new start.
	await page.goto(`/bevraging/${slug}`);
	const notice = page.getByTestId('survey-notice');
	await expect(notice).toContainText('Je gaf op dit toestel al je mening over deze bevraging.');
	await expect(page.getByRole('button', { name: /Start de bevraging|Ga verder/ })).toHaveCount(0);
	await expectNoAxeViolations(page, 'survey already answered on this device');
	// Not by a link straight to a question or to the review either.
	await page.goto(`/bevraging/${slug}?vraag=webpunt`);
	await expect(notice).toBeVisible();
	await expect(page.getByRole('radio')).toHaveCount(0);
	await page.goto(`/bevraging/${slug}?stap=controle`);
	await expect(page.getByRole('button', { name: 'Verstuur mijn antwoorden' })).toHaveCount(0);
	expect(await responsesTo(baseURL!, survey.id)).toHaveLength(1);

	// The results are public: the notice leads there.
	await page.goto(`/bevraging/${slug}`);
	await notice.getByRole('link', { name: 'Bekijk de resultaten' }).click();
	await expect(page.getByText('1 persoon gaf een mening.')).toBeVisible();
});

test.describe('at the kiosk', () => {
	test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: true });

	test('the kiosk remembers nobody: the next resident answers the same survey on the same tablet', async ({
		page,
		baseURL
	}) => {
		const kiosk = await newKiosk(baseURL!);
		const marker = `kiosk-again-${Date.now()}`;
		await openKiosk(page, kiosk);
		for (const visitor of [1, 2]) {
			await openCrossroadsSurvey(page);
			await expect(page.getByText(/al je mening/)).toHaveCount(0);
			await answerCrossroadsSurvey(page, marker);
			await send(page);
			await expect(h1(page)).toHaveText('Bedankt voor je mening');
			if (visitor === 1) await page.getByRole('link', { name: 'Stadsstem' }).first().click();
		}
		expect(await responsesWith(baseURL!, marker)).toHaveLength(2);
	});
});

test('results say how many answers no longer fit a question an editor changed, instead of miscounting them', async ({
	page,
	baseURL
}) => {
	const { pb, survey, slug } = await copyOfSurvey(baseURL!, { resultsPublic: true });
	await page.goto(`/bevraging/${slug}`);
	await answerWebpuntSurvey(page);
	await send(page);
	await expect(h1(page)).toHaveText('Bedankt voor je mening');
	expect(await responsesTo(baseURL!, survey.id)).toHaveLength(1);

	// The webpunt this answer chose is no longer an option.
	const definition = survey.definition;
	await pb.collection('surveys').update(survey.id, {
		definition: withoutPermeke(definition)
	});
	await page.goto(`/bevraging/${slug}/resultaten`);
	await expect(page.getByTestId('not-counted-webpunt')).toHaveText(
		'1 antwoord telt niet mee: het past niet meer bij de vraag zoals die nu is.'
	);
	// The other questions still count it.
	await expect(page.getByTestId('not-counted-tevreden')).toHaveCount(0);
	await expectNoAxeViolations(page, 'results with an answer that no longer fits');
});

test('Jan answers a survey; a new version drops his choice before he sends: his answers count against the version he saw', async ({
	page,
	baseURL
}) => {
	const pb = await asSuperuser(baseURL!);
	const demo = parse(readFileSync('surveys/demo/tevredenheid-webpunt.yaml', 'utf8'));
	const slug = `versie-${Date.now()}`;
	const v1 = { ...demo, slug, opens: cityDate(-10), closes: cityDate(30), resultsAt: cityDate(60) };
	expect((await importSurvey(pb, loadedSurvey(v1))).action).toBe('created');
	const survey = await pb
		.collection('surveys')
		.getFirstListItem(pb.filter('slug = {:slug}', { slug }));
	// Someone answered already, so a changed definition becomes version 2 (not a change in place).
	await new PocketBase(baseURL).collection('responses').create({
		survey: survey.id,
		surveyVersion: 1,
		answers: { webpunt: 'deurne', hulp_bij: ['afspraak'], tevreden: 2, gelukt: true },
		channel: 'web',
		language: 'nl',
		clientId: randomUUID()
	});

	await page.goto(`/bevraging/${slug}`);
	await answerWebpuntSurvey(page);
	// Meanwhile version 2 no longer offers the webpunt Jan chose.
	const v2 = withoutPermeke(v1);
	expect(await importSurvey(pb, loadedSurvey(v2))).toMatchObject({
		action: 'new-version',
		version: 2
	});
	await send(page);
	await expect(h1(page)).toHaveText('Bedankt voor je mening');
	const jans = (await responsesTo(baseURL!, survey.id)).filter(
		(response) => response.answers.webpunt === 'permeke'
	);
	expect(jans).toHaveLength(1);
	expect(jans[0].surveyVersion).toBe(1);
});
