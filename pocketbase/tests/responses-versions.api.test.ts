// A response is checked against the version of the survey it answered: one
// answered on version 1, queued offline and sent after version 2 was imported,
// is accepted against version 1 and stays tied to it. Results and the export
// then hold answers to two versions without crashing or miscounting.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type PocketBase from 'pocketbase';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportResponses, importSurvey } from '../../cli/surveys/publish.ts';
import { dayFromToday as day, loadedSurvey as loaded } from '../../surveys/test-fixtures.ts';
import type { SurveyResults } from '../../surveys/results.ts';
import { anonymous, superuser } from './clients.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const demo = parse(readFileSync(path.join(ROOT, 'surveys/demo/tevredenheid-webpunt.yaml'), 'utf8'));
const slug = `versies-${randomUUID().slice(0, 8)}`;

// Version 2 drops the Permeke webpunt and shortens the scale to 1–3.
const v1 = { ...demo, slug, opens: day(-10), closes: day(30), resultsAt: day(60) };
const v2 = {
	...v1,
	questions: demo.questions.map((question: { id: string; options?: Array<{ id: string }> }) => {
		if (question.id === 'webpunt') {
			return { ...question, options: question.options!.filter((o) => o.id !== 'permeke') };
		}
		if (question.id === 'tevreden') return { ...question, max: 3 };
		return question;
	})
};
const answeredOnV1 = { webpunt: 'permeke', hulp_bij: ['inloggen'], tevreden: 5, gelukt: true };
const answeredOnV2 = { webpunt: 'deurne', hulp_bij: ['afspraak'], tevreden: 2, gelukt: true };

let admin: PocketBase;
let surveyId: string;

const send = (answers: unknown, extra: Record<string, unknown> = {}) => {
	const body = {
		survey: surveyId,
		answers,
		channel: 'web',
		language: 'nl',
		clientId: randomUUID()
	};
	return anonymous()
		.collection('responses')
		.create({ ...body, ...extra })
		.then(
			() => ({ clientId: body.clientId, error: null }),
			(error: {
				status: number;
				response: { data: Record<string, { code: string; errors?: unknown[] }> };
			}) => ({
				clientId: body.clientId,
				error
			})
		);
};
const stored = (clientId: string) =>
	admin
		.collection('responses')
		.getList(1, 1, { filter: admin.filter('clientId = {:clientId}', { clientId }) });

beforeAll(async () => {
	admin = await superuser();
	expect((await importSurvey(admin, loaded(v1))).action).toBe('created');
	surveyId = (
		await admin.collection('surveys').getFirstListItem(admin.filter('slug = {:slug}', { slug }))
	).id;
	// An answer on version 1, so the next import makes version 2.
	const first = await send(answeredOnV1, { surveyVersion: 1 });
	expect(first.error).toBeNull();
	expect(await importSurvey(admin, loaded(v2))).toMatchObject({
		action: 'new-version',
		version: 2
	});
});

describe('a response names the version it answered', () => {
	it('answered on version 1 and sent after version 2: checked against version 1 and tied to it', async () => {
		const queued = await send(answeredOnV1, { surveyVersion: 1 });
		expect(queued.error).toBeNull();
		expect((await stored(queued.clientId)).items[0].surveyVersion).toBe(1);
	});

	it('the same answers to version 2 are refused: Permeke and 5 are not in it', async () => {
		const { clientId, error } = await send(answeredOnV1, { surveyVersion: 2 });
		expect(error?.status).toBe(400);
		expect(error?.response.data.answers.errors).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ questionId: 'webpunt', code: 'unknown_choice' }),
				expect.objectContaining({ questionId: 'tevreden', code: 'out_of_range' })
			])
		);
		expect((await stored(clientId)).totalItems).toBe(0);
	});

	it('without a version (an app from before versions were sent) it answers the current one', async () => {
		const { clientId, error } = await send(answeredOnV2);
		expect(error).toBeNull();
		expect((await stored(clientId)).items[0].surveyVersion).toBe(2);
	});

	// Not a number at all: PocketBase's own field check refuses it first.
	for (const [version, code] of [
		[3, 'survey_version_unknown'],
		[0, 'survey_version_unknown'],
		[1.5, 'survey_version_unknown'],
		['twee', 'validation_invalid_value']
	] as const) {
		it(`a version that does not exist (${JSON.stringify(version)}) is refused and nothing is stored`, async () => {
			const { clientId, error } = await send(answeredOnV2, { surveyVersion: version });
			expect(error?.status).toBe(400);
			// PocketBase nests its own field errors one level deeper than ours.
			expect(JSON.stringify(error?.response.data.surveyVersion)).toContain(`"code":"${code}"`);
			expect((await stored(clientId)).totalItems).toBe(0);
		});
	}
});

describe('results and export over two versions', () => {
	it('count answers under the current version and report those that no longer fit', async () => {
		const { results } = (await admin.send(`/api/stadsstem/surveys/${slug}/results`, {})) as {
			results: SurveyResults;
		};
		const byId = Object.fromEntries(results.questions.map((q) => [q.id, q]));
		// Two responses on version 1 (Permeke, 5) and one on version 2 (Deurne, 2).
		expect(results.responses).toBe(3);
		expect(byId.webpunt).toMatchObject({ answered: 1, notCounted: 2 });
		expect(byId.tevreden).toMatchObject({ answered: 1, notCounted: 2, counts: [0, 1, 0], mean: 2 });
		expect(byId.gelukt).toMatchObject({ answered: 3, notCounted: 0, yes: 3 });
		expect(results.notCounted).toBe(4);
	});

	it('the export keeps every answer with the version it answered', async () => {
		const exported = await exportResponses(admin, slug);
		expect(exported!.responses.map((r) => r.surveyVersion)).toEqual([1, 1, 2]);
		const rows = exported!.csv.trimEnd().split('\r\n');
		expect(rows).toHaveLength(4);
		expect(rows[1]).toContain(',1,permeke,inloggen,5,ja');
		expect(rows[3]).toContain(',2,deurne,afspraak,2,ja');
	});
});
