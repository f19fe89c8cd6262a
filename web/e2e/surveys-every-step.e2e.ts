// Every demo survey, completed once by mouse (touch) and once by keyboard
// only, with axe on every screen on the way. The walker reads each survey's
// definition, so a new demo survey or question is walked without new code.
// It picks the first option unless told otherwise: the branch walks at the end
// choose the answers that show (or hide) each conditional question.
import { expect, test, type Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import type { Question, SurveyDefinition } from '../../surveys/schema.ts';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';

const SLUGS = [
	'kruispunt-rondpunt-of-verkeerslichten',
	'tevredenheid-webpunt',
	'plein-consultatie'
];

async function tabTo(page: Page, name: string, limit = 40) {
	const target = page.getByRole('button', { name, exact: true });
	for (let i = 0; i < limit; i++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`could not reach "${name}" with Tab`);
}

/** A chosen answer: an option's id, true or false for a yes/no question, a number on a scale. */
type Choice = string | boolean | number;

/** Answers the question on screen the same way in both modes; returns the answer expected in the database. */
async function answer(
	page: Page,
	question: Question,
	mode: 'mouse' | 'keyboard',
	marker: string,
	choice?: Choice
) {
	const keyboard = mode === 'keyboard';
	switch (question.type) {
		case 'info':
			return undefined;
		case 'single_choice':
		case 'multiple_choice':
		case 'yes_no':
		case 'scale': {
			const role = question.type === 'multiple_choice' ? 'checkbox' : 'radio';
			const ids: Choice[] =
				question.type === 'yes_no'
					? [true, false]
					: question.type === 'scale'
						? [question.min]
						: question.options.map((option) => option.id);
			const index = choice === undefined ? 0 : ids.indexOf(choice);
			expect(index, `${question.id} has the answer ${choice}`).toBeGreaterThanOrEqual(0);
			if (keyboard && role === 'radio') {
				// Tab enters the group on its first radio; the arrows move the choice.
				await page.keyboard.press('Tab');
				await page.keyboard.press('Space');
				for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
			} else if (keyboard) {
				// Each checkbox is its own tab stop.
				for (let i = 0; i <= index; i++) await page.keyboard.press('Tab');
				await page.keyboard.press('Space');
			} else {
				await page.getByRole(role).nth(index).check();
			}
			await expect(page.getByRole(role).nth(index)).toBeChecked();
			const value = ids[index];
			return question.type === 'multiple_choice' ? [value] : value;
		}
		case 'short_text':
		case 'long_text': {
			const text = `${mode} ${marker}`;
			if (keyboard) {
				await page.keyboard.press('Tab');
				await page.keyboard.type(text);
			} else {
				await page.getByRole('textbox').fill(text);
			}
			return text;
		}
		case 'ranking': {
			const [first, second, ...rest] = question.options.map((option) => option.id);
			if (keyboard) {
				// Past the first item's "up" button (it cannot go higher) to its "down" button.
				await page.keyboard.press('Tab');
				await page.keyboard.press('Tab');
				await page.keyboard.press('Enter');
			} else {
				await page
					.getByRole('button', { name: / lager zetten$/ })
					.first()
					.click();
			}
			await expect(page.getByText(/staat nu op plaats 2/)).toBeAttached();
			return [second, first, ...rest];
		}
		case 'location': {
			const map = page.getByRole('application', { name: 'Kaart om een plaats te kiezen' });
			if (keyboard) {
				await page.keyboard.press('Tab');
				await page.keyboard.press('Tab');
				await expect(map).toBeFocused();
				await page.keyboard.press('ArrowUp');
			} else {
				await map.click();
			}
			await expect(page.getByText(/Gekozen punt: /)).toBeVisible();
			return 'a point';
		}
	}
}

/**
 * Walks a survey from its first page to the thank-you page, checks what was
 * stored, and returns the ids of the questions it was shown, in order.
 */
async function walk(
	page: Page,
	baseURL: string,
	slug: string,
	mode: 'mouse' | 'keyboard',
	choose: Record<string, Choice> = {}
): Promise<string[]> {
	const pb = new PocketBase(baseURL);
	const record = await pb.collection('surveys').getFirstListItem(`slug = '${slug}'`);
	const definition = record.definition as SurveyDefinition;
	const marker = `${slug}-${mode}-${Date.now()}`;
	const expected: Record<string, unknown> = {};
	const seen: string[] = [];

	await page.goto(`/bevraging/${slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(definition.title.nl);
	if (mode === 'keyboard') {
		await tabTo(page, 'Start de bevraging');
		await page.keyboard.press('Enter');
	} else {
		await page.getByRole('button', { name: 'Start de bevraging' }).click();
	}

	for (let step = 0; step < definition.questions.length + 1; step++) {
		const heading = page.getByRole('heading', { level: 1 });
		await expect(heading).toBeFocused();
		const title = (await heading.innerText()).replace(/\s*\(niet verplicht\)\s*$/, '').trim();
		if (title === 'Controleer je antwoorden') break;
		const question = definition.questions.find((candidate) => candidate.label.nl === title);
		expect(question, `a question titled "${title}"`).toBeDefined();
		seen.push(question!.id);
		// axe once per screen is enough: the mouse walk sees the same screens.
		if (mode === 'keyboard') await expectNoAxeViolations(page, `${slug} ${question!.id}`);
		const value = await answer(page, question!, mode, marker, choose[question!.id]);
		if (value !== undefined) expected[question!.id] = value;
		if (mode === 'keyboard') {
			await tabTo(page, 'Volgende');
			await page.keyboard.press('Enter');
		} else {
			await page.getByRole('button', { name: 'Volgende' }).click();
		}
	}

	if (mode === 'keyboard') await expectNoAxeViolations(page, `${slug} review`);
	if (mode === 'keyboard') {
		await tabTo(page, 'Verstuur mijn antwoorden');
		await page.keyboard.press('Enter');
	} else {
		await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
	}
	await expect(
		page.getByRole('heading', { level: 1, name: 'Bedankt voor je mening' })
	).toBeFocused();

	const admin = new PocketBase(baseURL);
	const { email, password } = JSON.parse(process.env.STADSSTEM_E2E_SUPERUSER ?? '{}');
	await admin.collection('_superusers').authWithPassword(email, password);
	const [stored] = await admin
		.collection('responses')
		.getFullList({ filter: admin.filter('answers ~ {:marker}', { marker }) });
	for (const [id, value] of Object.entries(expected)) {
		if (value === 'a point')
			expect(stored.answers[id]).toMatchObject({
				lat: expect.any(Number),
				lng: expect.any(Number)
			});
		else expect(stored.answers[id], id).toEqual(value);
	}
	expect(Object.keys(stored.answers).sort()).toEqual(Object.keys(expected).sort());
	return seen;
}

/**
 * Which answers each walk gives (first options unless chosen here) and the
 * conditional questions that walk must show or must not. Together the walks
 * show every conditional question (checked by the last test).
 */
const WALKS: {
	slug: string;
	branch?: string;
	choose?: Record<string, Choice>;
	shows: string[];
	hides: string[];
}[] = [
	{ slug: 'kruispunt-rondpunt-of-verkeerslichten', shows: ['waarom'], hides: [] },
	{
		slug: 'kruispunt-rondpunt-of-verkeerslichten',
		branch: 'no preference',
		choose: { voorkeur: 'geen_voorkeur' },
		shows: [],
		hides: ['waarom']
	},
	{ slug: 'tevredenheid-webpunt', shows: [], hides: ['wat_lukte_niet'] },
	{
		slug: 'tevredenheid-webpunt',
		branch: 'it did not work out',
		choose: { gelukt: false },
		shows: ['wat_lukte_niet'],
		hides: []
	},
	{
		slug: 'plein-consultatie',
		shows: ['veilig_avond'],
		hides: ['waarom_nooit', 'speeltuin_leeftijd']
	},
	{
		slug: 'plein-consultatie',
		branch: 'never comes, wants a playground',
		choose: { hoe_vaak: 'nooit', wensen: 'speeltuin' },
		shows: ['waarom_nooit', 'speeltuin_leeftijd'],
		hides: ['veilig_avond']
	}
];

for (const { slug, branch, choose, shows, hides } of WALKS) {
	// The first-option walk by mouse and by keyboard; a branch by keyboard, with axe on its screens.
	const modes = branch ? (['keyboard'] as const) : (['mouse', 'keyboard'] as const);
	for (const mode of modes) {
		test(`${slug}${branch ? ` (${branch})` : ''}: completed by ${mode}${mode === 'keyboard' ? ', axe clean on every screen' : ''}`, async ({
			page,
			baseURL
		}) => {
			const seen = await walk(page, baseURL!, slug, mode, choose);
			for (const id of shows) expect(seen, `${id} shown`).toContain(id);
			for (const id of hides) expect(seen, `${id} not shown`).not.toContain(id);
		});
	}
}

test('the walks above show every conditional question of the demo surveys', async ({ baseURL }) => {
	const pb = new PocketBase(baseURL);
	for (const slug of SLUGS) {
		const record = await pb.collection('surveys').getFirstListItem(`slug = '${slug}'`);
		const conditional = (record.definition as SurveyDefinition).questions
			.filter((question) => question.showIf)
			.map((question) => question.id);
		const shown = WALKS.filter((w) => w.slug === slug).flatMap((w) => w.shows);
		for (const id of conditional) expect(shown, `${slug}: ${id} in some walk`).toContain(id);
	}
});
