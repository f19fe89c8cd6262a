import { describe, expect, it } from 'vitest';
import {
	collectTexts,
	formatPath,
	parseIsoDate,
	parseSurveyDefinition,
	SCHEMA_ERROR_CODES,
	type SchemaError
} from './schema.ts';
import { nl, parsed, rawQuestions, rawSurvey } from './test-fixtures.ts';

function errorsOf(raw: unknown): SchemaError[] {
	const result = parseSurveyDefinition(raw);
	if (result.ok) throw new Error('expected errors, got a valid definition');
	return result.errors;
}

function withQuestion(index: number, patch: Record<string, unknown>): Record<string, unknown> {
	const questions = rawQuestions();
	questions[index] = { ...questions[index], ...patch };
	for (const [k, v] of Object.entries(patch)) if (v === undefined) delete questions[index][k];
	return rawSurvey(questions);
}

const codes = (errors: SchemaError[]) => errors.map((e) => `${formatPath(e.path)} ${e.code}`);

describe('parseSurveyDefinition: valid definitions', () => {
	it('accepts one question of every type and fills defaults', () => {
		const def = parsed();
		expect(def.questions.map((q) => q.type)).toEqual([
			'info',
			'single_choice',
			'multiple_choice',
			'scale',
			'yes_no',
			'ranking',
			'short_text',
			'long_text',
			'location'
		]);
		expect(def.questions.find((q) => q.id === 'agree')?.required).toBe(false);
		expect(def.questions.find((q) => q.id === 'choice')?.required).toBe(true);
		const short = def.questions.find((q) => q.id === 'name_idea');
		expect(short?.type === 'short_text' && short.maxLength).toBe(200);
	});

	it('parses its own output again to the same value (the database stores the parsed JSON)', () => {
		const def = parsed();
		const again = parseSurveyDefinition(JSON.parse(JSON.stringify(def)));
		expect(again).toEqual({ ok: true, value: def });
	});

	it('allows a city-wide survey without district and extra languages such as ar', () => {
		const raw = rawSurvey();
		delete raw.district;
		raw.title = { nl: 'Test', ar: 'اختبار', 'fr-BE': 'Test' };
		const def = parsed(raw);
		expect(def.district).toBeUndefined();
		expect(def.title.ar).toBe('اختبار');
	});

	it('accepts date-times and every kind of condition', () => {
		const raw = rawSurvey([
			...rawQuestions(),
			{
				id: 'follow_up',
				type: 'short_text',
				label: nl('Waarom?'),
				showIf: {
					all: [
						{ question: 'choice', in: ['a', 'b'] },
						{
							any: [
								{ question: 'many', includes: 'x' },
								{ question: 'score', atLeast: 4 }
							]
						},
						{ not: { question: 'agree', equals: false } },
						{ question: 'score', atMost: 5 },
						{ question: 'spot', answered: true },
						{ question: 'score', equals: 3 }
					]
				}
			}
		]);
		raw.opens = '2026-11-01T08:00:00+01:00';
		expect(parseSurveyDefinition(raw).ok).toBe(true);
	});
});

describe('parseSurveyDefinition: survey-level errors', () => {
	it('rejects a value that is not a map', () => {
		expect(codes(errorsOf(null))).toEqual(['(root) wrong_type']);
		expect(codes(errorsOf([1]))).toEqual(['(root) wrong_type']);
	});

	it('reports every missing field at once', () => {
		const errors = errorsOf({});
		expect(codes(errors)).toEqual([
			'slug required',
			'title required',
			'intro required',
			'estimatedMinutes required',
			'opens required',
			'closes required',
			'resultsPublic required',
			'whatNext required',
			'resultsAt required',
			'questions required'
		]);
	});

	it('reports wrong types, formats, unknown fields and districts', () => {
		const raw = {
			...rawSurvey(),
			slug: 'Niet Goed',
			title: 'just a string',
			estimatedMinutes: 2.5,
			district: 'Antwerp',
			opens: '2026-02-30',
			resultsPublic: 'ja',
			showIf: {},
			questions: 'none'
		};
		expect(codes(errorsOf(raw))).toEqual([
			'showIf unknown_field',
			'slug invalid_format',
			'title wrong_type',
			'estimatedMinutes wrong_type',
			'district invalid_value',
			'opens invalid_format',
			'resultsPublic wrong_type',
			'questions wrong_type'
		]);
	});

	it('suggests the right spelling of a mistyped field', () => {
		const errors = errorsOf(withQuestion(4, { showif: { question: 'choice', equals: 'a' } }));
		expect(errors[0].code).toBe('unknown_field');
		expect(errors[0].message).toContain('Did you mean "showIf"?');
	});

	it('requires Dutch text, non-empty texts and proper language codes', () => {
		const raw = { ...rawSurvey(), title: { en: 'Only English' }, intro: { nl: '  ', Dutch: 'x' } };
		expect(codes(errorsOf(raw))).toEqual([
			'title missing_nl',
			'intro.nl empty_text',
			'intro.Dutch invalid_format'
		]);
	});

	it('orders opens, closes and resultsAt', () => {
		const raw = {
			...rawSurvey(),
			opens: '2027-01-01',
			closes: '2026-12-01',
			resultsAt: '2026-11-01'
		};
		expect(codes(errorsOf(raw))).toEqual(['closes out_of_range', 'resultsAt out_of_range']);
	});

	it('needs at least one question that takes an answer', () => {
		expect(codes(errorsOf(rawSurvey([])))).toEqual(['questions too_few']);
		expect(codes(errorsOf(rawSurvey([rawQuestions()[0]])))).toEqual(['questions too_few']);
	});

	it('lists its error codes', () => {
		expect(SCHEMA_ERROR_CODES).toContain('forward_reference');
	});
});

describe('parseSurveyDefinition: question errors', () => {
	it('requires a known type', () => {
		expect(codes(errorsOf(withQuestion(1, { type: undefined })))).toEqual([
			'questions[1].type required'
		]);
		expect(codes(errorsOf(withQuestion(1, { type: 'rating' })))).toEqual([
			'questions[1].type invalid_value'
		]);
		expect(codes(errorsOf(rawSurvey(['text'])))).toEqual([
			'questions[0] wrong_type',
			'questions too_few'
		]);
	});

	it('checks ids and duplicates', () => {
		expect(codes(errorsOf(withQuestion(1, { id: 'Kies-1' })))).toEqual([
			'questions[1].id invalid_format'
		]);
		expect(codes(errorsOf(withQuestion(2, { id: 'choice' })))).toEqual([
			'questions[2].id duplicate_id'
		]);
	});

	it('checks choice options', () => {
		expect(codes(errorsOf(withQuestion(1, { options: [{ id: 'a', label: nl('A') }] })))).toEqual([
			'questions[1].options too_few'
		]);
		const dup = [
			{ id: 'a', label: nl('A') },
			{ id: 'a', label: nl('B') }
		];
		expect(codes(errorsOf(withQuestion(5, { options: dup })))).toEqual([
			'questions[5].options[1].id duplicate_id'
		]);
		expect(codes(errorsOf(withQuestion(1, { options: undefined })))).toEqual([
			'questions[1].options required'
		]);
		expect(codes(errorsOf(withQuestion(1, { options: { a: 1 } })))).toEqual([
			'questions[1].options wrong_type'
		]);
	});

	it('checks multiple choice limits against the options', () => {
		expect(codes(errorsOf(withQuestion(2, { minSelected: 3, maxSelected: 2 })))).toEqual([
			'questions[2].minSelected out_of_range'
		]);
		expect(codes(errorsOf(withQuestion(2, { maxSelected: 4 })))).toEqual([
			'questions[2].maxSelected out_of_range'
		]);
	});

	it('checks scales', () => {
		expect(codes(errorsOf(withQuestion(3, { min: 5, max: 1 })))).toEqual([
			'questions[3].max out_of_range'
		]);
		expect(codes(errorsOf(withQuestion(3, { min: 0, max: 20 })))).toEqual([
			'questions[3].max out_of_range'
		]);
		expect(codes(errorsOf(withQuestion(3, { minLabel: undefined })))).toEqual([
			'questions[3].minLabel required'
		]);
	});

	it('requires a limit on long text and checks text limits', () => {
		expect(codes(errorsOf(withQuestion(7, { maxLength: undefined })))).toEqual([
			'questions[7].maxLength required'
		]);
		expect(codes(errorsOf(withQuestion(6, { maxLength: 0 })))).toEqual([
			'questions[6].maxLength out_of_range'
		]);
	});

	it('checks location bounds, centre and zoom', () => {
		const bad = { bounds: { south: 52, west: 4.4, north: 51, east: 4.5 } };
		expect(codes(errorsOf(withQuestion(8, bad)))).toEqual(['questions[8].bounds invalid_value']);
		expect(codes(errorsOf(withQuestion(8, { center: { lat: 50, lng: 4.45 } })))).toEqual([
			'questions[8].center out_of_range'
		]);
		expect(codes(errorsOf(withQuestion(8, { center: { lat: 'x', lng: 4.45 }, zoom: 30 })))).toEqual(
			['questions[8].center.lat wrong_type', 'questions[8].zoom out_of_range']
		);
	});

	it('refuses a required info block and fields of other types', () => {
		expect(codes(errorsOf(withQuestion(0, { required: true, options: [] })))).toEqual([
			'questions[0].options unknown_field',
			'questions[0].required invalid_value'
		]);
	});
});

describe('parseSurveyDefinition: showIf', () => {
	const withCondition = (showIf: unknown) =>
		rawSurvey([...rawQuestions(), { id: 'extra', type: 'yes_no', label: nl('Extra?'), showIf }]);
	const conditionErrors = (showIf: unknown) => codes(errorsOf(withCondition(showIf)));

	it('rejects unknown, later and own questions', () => {
		expect(conditionErrors({ question: 'nope', answered: true })).toEqual([
			'questions[9].showIf.question unknown_question'
		]);
		expect(conditionErrors({ question: 'extra', answered: true })).toEqual([
			'questions[9].showIf.question forward_reference'
		]);
		const early = rawQuestions();
		early[1].showIf = { question: 'agree', equals: true };
		expect(codes(errorsOf(rawSurvey(early)))).toEqual([
			'questions[1].showIf.question forward_reference'
		]);
	});

	it('rejects values that the question cannot have', () => {
		expect(conditionErrors({ question: 'choice', equals: 'd' })).toEqual([
			'questions[9].showIf.equals unknown_choice'
		]);
		expect(conditionErrors({ question: 'choice', in: ['a', 'q'] })).toEqual([
			'questions[9].showIf.in[1] unknown_choice'
		]);
		expect(conditionErrors({ question: 'agree', equals: 'yes' })).toEqual([
			'questions[9].showIf.equals wrong_type'
		]);
		expect(conditionErrors({ question: 'score', atLeast: 9 })).toEqual([
			'questions[9].showIf.atLeast out_of_range'
		]);
	});

	it('rejects operators that do not fit the question type', () => {
		expect(conditionErrors({ question: 'many', equals: 'x' })).toEqual([
			'questions[9].showIf.equals incompatible_condition'
		]);
		expect(conditionErrors({ question: 'intro_block', answered: true })).toEqual([
			'questions[9].showIf.question incompatible_condition'
		]);
	});

	it('needs exactly one operator and well-formed combinators', () => {
		expect(conditionErrors({ question: 'choice' })).toEqual(['questions[9].showIf invalid_value']);
		expect(conditionErrors({ question: 'choice', equals: 'a', answered: true })).toEqual([
			'questions[9].showIf invalid_value'
		]);
		expect(conditionErrors({ all: [] })).toEqual(['questions[9].showIf.all wrong_type']);
		expect(conditionErrors({ not: { question: 'nope', answered: true } })).toEqual([
			'questions[9].showIf.not.question unknown_question'
		]);
		expect(conditionErrors('choice == a')).toEqual(['questions[9].showIf wrong_type']);
	});

	it('does not pile a second error on a condition that uses a broken question', () => {
		const questions = rawQuestions();
		questions[1] = { ...questions[1], options: 'broken' };
		questions.push({
			id: 'extra',
			type: 'yes_no',
			label: nl('X'),
			showIf: { question: 'choice', equals: 'a' }
		});
		expect(codes(errorsOf(rawSurvey(questions)))).toEqual(['questions[1].options wrong_type']);
	});
});

describe('helpers', () => {
	it('formats paths', () => {
		expect(formatPath(['questions', 2, 'options', 0, 'label', 'nl'])).toBe(
			'questions[2].options[0].label.nl'
		);
		expect(formatPath([])).toBe('(root)');
	});

	it('parses only real ISO dates', () => {
		expect(parseIsoDate('2027-02-28')).toBe(Date.UTC(2027, 1, 28));
		expect(parseIsoDate('2027-02-29')).toBeNull();
		expect(parseIsoDate('2026-11-01T25:00:00Z')).toBeNull();
		expect(parseIsoDate('1 november 2026')).toBeNull();
	});

	it('collects every text with its path and question', () => {
		const texts = collectTexts(parsed());
		expect(texts[0]).toEqual({ path: ['title'], text: { nl: 'Test', en: 'Test', fr: 'Test' } });
		expect(
			texts.some((t) => formatPath(t.path) === 'questions[3].maxLabel' && t.questionId === 'score')
		).toBe(true);
		expect(texts.some((t) => formatPath(t.path) === 'questions[0].body')).toBe(true);
		expect(texts.at(-1)?.path).toEqual(['whatNext']);
	});
});
