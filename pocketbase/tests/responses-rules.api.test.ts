// The server itself enforces the multiple-choice limits and "required once
// shown" (a question behind a condition), whatever the app did: each refusal
// names the question and the rule, and nothing is stored.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type PocketBase from 'pocketbase';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importSurvey } from '../../cli/surveys/publish.ts';
import { dayFromToday as day, loadedSurvey } from '../../surveys/test-fixtures.ts';
import { anonymous, superuser } from './clients.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const plein = parse(readFileSync(path.join(ROOT, 'surveys/demo/plein-consultatie.yaml'), 'utf8'));

let admin: PocketBase;
let pleinId: string;
/** A copy of the plein survey whose wishes question asks for two to three choices. */
let atLeastTwoId: string;

/** Valid for plein-consultatie: a weekly visitor who wants more green. */
const valid = () => ({ hoe_vaak: 'wekelijks', wensen: ['groen'], woont_in_borgerhout: true });

async function refusal(survey: string, answers: Record<string, unknown>) {
	const clientId = randomUUID();
	const error = await anonymous()
		.collection('responses')
		.create({ survey, answers, channel: 'web', language: 'nl', clientId })
		.then(
			() => null,
			(e: {
				status: number;
				response: { data: { answers?: { errors: Array<{ questionId: string; code: string }> } } };
			}) => e
		);
	expect(error, 'the server should refuse this response').not.toBeNull();
	const stored = await admin
		.collection('responses')
		.getList(1, 1, { filter: admin.filter('clientId = {:clientId}', { clientId }) });
	expect(stored.totalItems).toBe(0);
	expect(error!.status).toBe(400);
	return error!.response.data.answers!.errors;
}

beforeAll(async () => {
	admin = await superuser();
	pleinId = (await admin.collection('surveys').getFirstListItem("slug = 'plein-consultatie'")).id;
	const slug = `minstens-twee-${randomUUID().slice(0, 8)}`;
	const raw = {
		...plein,
		slug,
		opens: day(-10),
		closes: day(30),
		resultsAt: day(60),
		questions: plein.questions.map((question: { id: string }) =>
			question.id === 'wensen' ? { ...question, minSelected: 2 } : question
		)
	};
	await importSurvey(admin, loadedSurvey(raw));
	atLeastTwoId = (await admin.collection('surveys').getFirstListItem(`slug = '${slug}'`)).id;
});

describe('multiple choice limits', () => {
	it('more choices than maxSelected: too_many on that question', async () => {
		const errors = await refusal(pleinId, {
			...valid(),
			wensen: ['groen', 'banken', 'water', 'markt']
		});
		expect(errors).toEqual([expect.objectContaining({ questionId: 'wensen', code: 'too_many' })]);
	});

	it('fewer choices than minSelected: too_few on that question', async () => {
		const errors = await refusal(atLeastTwoId, valid());
		expect(errors).toEqual([expect.objectContaining({ questionId: 'wensen', code: 'too_few' })]);
	});

	it('within the limits the same answers are stored', async () => {
		const created = await anonymous()
			.collection('responses')
			.create({
				survey: atLeastTwoId,
				answers: { ...valid(), wensen: ['groen', 'water'] },
				channel: 'web',
				language: 'nl',
				clientId: randomUUID()
			});
		expect(created.id).toBeTruthy();
	});
});

describe('a question behind a condition is required once it is shown', () => {
	it('"nooit" shows why-never, which is required', async () => {
		const errors = await refusal(pleinId, { ...valid(), hoe_vaak: 'nooit' });
		expect(errors).toEqual([
			expect.objectContaining({ questionId: 'waarom_nooit', code: 'required' })
		]);
	});

	it('wishing for a playground shows the age question, which is required', async () => {
		const errors = await refusal(pleinId, { ...valid(), wensen: ['groen', 'speeltuin'] });
		expect(errors).toEqual([
			expect.objectContaining({ questionId: 'speeltuin_leeftijd', code: 'required' })
		]);
	});

	it('answered, or hidden, it is accepted', async () => {
		for (const answers of [
			{ ...valid(), hoe_vaak: 'nooit', waarom_nooit: 'onveilig' },
			{ ...valid(), wensen: ['speeltuin'], speeltuin_leeftijd: 'tot_6' },
			valid()
		]) {
			const created = await anonymous().collection('responses').create({
				survey: pleinId,
				answers,
				channel: 'web',
				language: 'nl',
				clientId: randomUUID()
			});
			expect(created.id).toBeTruthy();
		}
	});
});
