// Every demo survey, completed once by mouse (touch) and once by keyboard
// only, with axe on every screen on the way. The walker reads each survey's
// definition, so a new demo survey or question is walked without new code.
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

/** Answers the question on screen the same way in both modes; returns the answer expected in the database. */
async function answer(page: Page, question: Question, mode: 'mouse' | 'keyboard', marker: string) {
	const keyboard = mode === 'keyboard';
	switch (question.type) {
		case 'info':
			return undefined;
		case 'single_choice':
		case 'multiple_choice':
		case 'yes_no':
		case 'scale': {
			const role = question.type === 'multiple_choice' ? 'checkbox' : 'radio';
			if (keyboard) {
				await page.keyboard.press('Tab');
				await page.keyboard.press('Space');
			} else {
				await page.getByRole(role).first().check();
			}
			await expect(page.getByRole(role).first()).toBeChecked();
			if (question.type === 'yes_no') return true;
			if (question.type === 'scale') return question.min;
			const first = question.options[0].id;
			return question.type === 'multiple_choice' ? [first] : first;
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

for (const slug of SLUGS) {
	for (const mode of ['mouse', 'keyboard'] as const) {
		test(`${slug}: completed by ${mode}${mode === 'keyboard' ? ', axe clean on every screen' : ''}`, async ({
			page,
			baseURL
		}) => {
			const pb = new PocketBase(baseURL);
			const record = await pb.collection('surveys').getFirstListItem(`slug = '${slug}'`);
			const definition = record.definition as SurveyDefinition;
			const marker = `${slug}-${mode}-${Date.now()}`;
			const expected: Record<string, unknown> = {};

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
				// axe once per screen is enough: the mouse walk sees the same screens.
				if (mode === 'keyboard') await expectNoAxeViolations(page, `${slug} ${question!.id}`);
				const value = await answer(page, question!, mode, marker);
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
		});
	}
}
