// Survey responses: the server accepts only valid answers to an open survey,
// and a replayed submission (same clientId) is counted once.
import { randomUUID } from 'node:crypto';
import type PocketBase from 'pocketbase';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, staff, superuser } from './clients.ts';

let admin: PocketBase;
let surveyId: string;

const validAnswers = () => ({
	webpunt: 'permeke',
	hulp_bij: ['inloggen', 'document'],
	tevreden: 4,
	gelukt: true,
	volgende_keer_alleen: false
});

function response(answers: unknown, extra: Record<string, unknown> = {}) {
	return {
		survey: surveyId,
		answers,
		channel: 'web',
		language: 'nl',
		clientId: randomUUID(),
		...extra
	};
}

async function countFor(clientId: string): Promise<number> {
	return (await admin.collection('responses').getList(1, 1, { filter: `clientId = '${clientId}'` }))
		.totalItems;
}

async function rejection(body: Record<string, unknown>) {
	const error = await anonymous()
		.collection('responses')
		.create(body)
		.then(
			() => null,
			(e: {
				status: number;
				response: {
					data: Record<
						string,
						{ code: string; errors?: Array<{ questionId: string | null; code: string }> }
					>;
				};
			}) => e
		);
	expect(error, 'the server should refuse this response').not.toBeNull();
	expect(await countFor(body.clientId as string)).toBe(0);
	return error!;
}

beforeAll(async () => {
	admin = await superuser();
	surveyId = (await admin.collection('surveys').getFirstListItem("slug = 'tevredenheid-webpunt'"))
		.id;
});

describe('a valid response', () => {
	it('is stored with the version it answered, and no one but staff can read it', async () => {
		const body = response(validAnswers(), { surveyVersion: 1 });
		const created = await anonymous().collection('responses').create(body);
		expect(created.clientId).toBe(body.clientId);
		const stored = await admin
			.collection('responses')
			.getFirstListItem(`clientId = '${body.clientId}'`);
		expect(stored.answers).toEqual(validAnswers());
		expect(stored.surveyVersion).toBe(1);
		await expect(anonymous().collection('responses').getOne(stored.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('sent twice with the same clientId is stored once', async () => {
		const body = response(validAnswers());
		const first = await anonymous().collection('responses').create(body);
		const again = await anonymous()
			.collection('responses')
			.create({ ...body, answers: { ...validAnswers(), tevreden: 1 } });
		expect(again.id).toBe(first.id);
		expect(await countFor(body.clientId)).toBe(1);
		const stored = await admin.collection('responses').getOne(first.id);
		expect(stored.answers.tevreden).toBe(4);
	});
});

describe('an invalid response is refused with a per-question error and nothing is stored', () => {
	const cases: Array<[string, Record<string, unknown>, string | null, string]> = [
		[
			'a missing required answer',
			{ ...validAnswers(), tevreden: undefined },
			'tevreden',
			'required'
		],
		['an unknown choice', { ...validAnswers(), webpunt: 'brussel' }, 'webpunt', 'unknown_choice'],
		['a scale value out of range', { ...validAnswers(), tevreden: 9 }, 'tevreden', 'out_of_range'],
		['a wrong type', { ...validAnswers(), gelukt: 'ja' }, 'gelukt', 'wrong_type'],
		['a text that is too long', { ...validAnswers(), tip: 'x'.repeat(201) }, 'tip', 'too_long'],
		[
			'an answer to a hidden question',
			{ ...validAnswers(), wat_lukte_niet: 'niets' },
			'wat_lukte_niet',
			'hidden_answered'
		],
		['an unknown question', { ...validAnswers(), extra: 'x' }, 'extra', 'unknown_question'],
		[
			'answers that are not an object',
			['a'] as unknown as Record<string, unknown>,
			null,
			'not_an_object'
		]
	];
	for (const [name, answers, questionId, code] of cases) {
		it(name, async () => {
			const error = await rejection(response(JSON.parse(JSON.stringify(answers))));
			expect(error.status).toBe(400);
			expect(error.response.data.answers.errors).toContainEqual(
				expect.objectContaining({ questionId, code })
			);
		});
	}

	it('a malformed clientId', async () => {
		const error = await rejection(response(validAnswers(), { clientId: 'not-a-uuid' }));
		expect(error.status).toBe(400);
		expect(error.response.data.clientId.code).toBeTruthy();
	});

	it('an unknown survey', async () => {
		const error = await rejection(response(validAnswers(), { survey: 'abcdefghijklmno' }));
		expect(error.response.data.survey.code).toBe('survey_unknown');
	});
});

describe('a survey that is not open accepts nothing', () => {
	async function surveyLike(changes: Record<string, unknown>) {
		const original = await admin.collection('surveys').getOne(surveyId);
		const {
			id: _id,
			collectionId: _c,
			collectionName: _n,
			created: _cr,
			updated: _u,
			...fields
		} = original;
		return admin
			.collection('surveys')
			.create({ ...fields, slug: `test-${randomUUID().slice(0, 8)}`, ...changes });
	}

	for (const [name, changes] of [
		['closed by staff', { status: 'closed' }],
		['a draft', { status: 'draft' }],
		['past its closing day', { status: 'open', closes: '2020-01-31 00:00:00.000Z' }],
		['before its opening day', { status: 'open', opens: '2099-01-01 00:00:00.000Z' }]
	] as const) {
		it(name, async () => {
			const survey = await surveyLike(changes);
			const error = await rejection({ ...response(validAnswers()), survey: survey.id });
			expect(error.response.data.survey.code).toBe('survey_not_open');
		});
	}
});

describe('the closing day, at its boundary', () => {
	const MINUTE = 60_000;
	/** A date in Antwerp, e.g. "2026-11-29", `days` from now. */
	const cityDate = (days: number) =>
		new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
			Date.now() + days * 24 * 60 * MINUTE
		);
	const pbDate = (ms: number) => new Date(ms).toISOString().replace('T', ' ');

	async function openUntil(closes: string) {
		const original = await admin.collection('surveys').getOne(surveyId);
		return admin.collection('surveys').create({
			...Object.fromEntries(
				Object.entries(original).filter(
					([key]) => !['id', 'collectionId', 'collectionName', 'created', 'updated'].includes(key)
				)
			),
			slug: `test-${randomUUID().slice(0, 8)}`,
			status: 'open',
			opens: cityDate(-7),
			closes
		});
	}
	const sendTo = (survey: { id: string }) =>
		anonymous()
			.collection('responses')
			.create({ ...response(validAnswers()), survey: survey.id });

	it('a closing date of today (in Antwerp) still takes answers; yesterday does not', async () => {
		await expect(sendTo(await openUntil(cityDate(0)))).resolves.toMatchObject({});
		const error = await rejection({
			...response(validAnswers()),
			survey: (await openUntil(cityDate(-1))).id
		});
		expect(error.response.data.survey.code).toBe('survey_not_open');
	});

	it('a closing date-time is that moment, not the end of its day', async () => {
		await expect(sendTo(await openUntil(pbDate(Date.now() + 2 * MINUTE)))).resolves.toMatchObject(
			{}
		);
		const error = await rejection({
			...response(validAnswers()),
			survey: (await openUntil(pbDate(Date.now() - MINUTE))).id
		});
		expect(error.response.data.survey.code).toBe('survey_not_open');
	});
});

describe('moderation of free text', () => {
	async function responseWithText(text: string, extra: Record<string, unknown> = {}) {
		const kruispunt = await admin
			.collection('surveys')
			.getFirstListItem("slug = 'kruispunt-rondpunt-of-verkeerslichten'");
		return anonymous()
			.collection('responses')
			.create({
				survey: kruispunt.id,
				clientId: randomUUID(),
				channel: 'web',
				language: 'nl',
				answers: {
					woont_in_buurt: true,
					vervoer: ['fiets'],
					veilig_nu: 2,
					voorkeur: 'geen_voorkeur',
					opmerking: text
				},
				...extra
			});
	}
	const publicTexts = async () =>
		(
			await anonymous().send(
				'/api/stadsstem/surveys/kruispunt-rondpunt-of-verkeerslichten/results',
				{}
			)
		).texts.opmerking as string[];
	const moderate = (pb: PocketBase, id: string, decision: string) =>
		pb.send(`/api/stadsstem/responses/${id}/moderation`, {
			method: 'POST',
			body: { questionId: 'opmerking', decision }
		});

	it('shows a free-text answer publicly only after an editor approved it', async () => {
		const text = `Meer licht aan de oversteek ${randomUUID()}`;
		const response = await responseWithText(text);
		expect(await publicTexts()).not.toContain(text);
		await expect(moderate(anonymous(), response.id, 'approved')).rejects.toMatchObject({
			status: 403
		});
		await expect(moderate(await staff('handler'), response.id, 'approved')).rejects.toMatchObject({
			status: 403
		});
		await moderate(await staff('editor'), response.id, 'approved');
		expect(await publicTexts()).toContain(text);
		await moderate(await staff('editor'), response.id, 'rejected');
		expect(await publicTexts()).not.toContain(text);
	});

	it('ignores staff-only fields sent with a new response: its text is not approved and not public', async () => {
		const text = `Zelf goedgekeurd ${randomUUID()}`;
		const { id } = await responseWithText(text, { moderation: { opmerking: 'approved' } });
		const stored = await admin.collection('responses').getOne(id);
		expect(stored.moderation?.opmerking).toBeUndefined();
		expect(await publicTexts()).not.toContain(text);
	});

	it('refuses a decision that is not approved, rejected or pending, and a question without text', async () => {
		const response = await responseWithText('Goed plan');
		const editor = await staff('editor');
		await expect(moderate(editor, response.id, 'publish')).rejects.toMatchObject({ status: 400 });
		await expect(
			editor.send(`/api/stadsstem/responses/${response.id}/moderation`, {
				method: 'POST',
				body: { questionId: 'voorkeur', decision: 'approved' }
			})
		).rejects.toMatchObject({ status: 400 });
	});
});
