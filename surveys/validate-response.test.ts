import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
	evaluateCondition,
	isEmptyAnswer,
	RESPONSE_ERROR_CODES,
	textLength,
	validateResponse,
	visibleQuestions,
	type ResponseErrorCode
} from './validate-response.ts';
import { nl, parsed, rawQuestions, rawSurvey } from './test-fixtures.ts';

const def = parsed();
const good = {
	choice: 'a',
	many: ['x', 'y'],
	score: 4,
	agree: true,
	order: ['r', 'p', 'q'],
	name_idea: 'Zonneplein',
	remarks: 'Mooi zo.',
	spot: { lat: 51.21, lng: 4.43 }
};

function errorFor(answers: Record<string, unknown>, id: string) {
	const result = validateResponse(def, { ...good, ...answers });
	return result.errors.filter((e) => e.questionId === id).map((e) => e.code);
}

describe('validateResponse per question type', () => {
	it('accepts a complete, valid response', () => {
		const result = validateResponse(def, good);
		expect(result).toEqual({ ok: true, errors: [], visible: def.questions.map((q) => q.id) });
	});

	it('accepts an empty response when only optional questions are skipped', () => {
		expect(validateResponse(def, { choice: 'b' }).ok).toBe(true);
	});

	it('single choice: type, required and known option', () => {
		expect(errorFor({ choice: undefined }, 'choice')).toEqual(['required']);
		expect(errorFor({ choice: '' }, 'choice')).toEqual(['required']);
		expect(errorFor({ choice: 1 }, 'choice')).toEqual(['wrong_type']);
		expect(errorFor({ choice: 'd' }, 'choice')).toEqual(['unknown_choice']);
	});

	it('multiple choice: list of known, distinct options within min and max', () => {
		expect(errorFor({ many: 'x' }, 'many')).toEqual(['wrong_type']);
		expect(errorFor({ many: ['x', 'w'] }, 'many')).toEqual(['unknown_choice']);
		expect(errorFor({ many: ['x', 'x'] }, 'many')).toEqual(['duplicate_choice']);
		expect(errorFor({ many: ['x', 'y', 'z'] }, 'many')).toEqual(['too_many']);
		expect(errorFor({ many: [] }, 'many')).toEqual([]);
		const minTwo = parsed(
			rawSurvey(rawQuestions().map((q) => (q.id === 'many' ? { ...q, minSelected: 2 } : q)))
		);
		const result = validateResponse(minTwo, { ...good, many: ['x'] });
		expect(result.errors).toEqual([
			{
				questionId: 'many',
				code: 'too_few',
				messageKey: 'survey.answer.too_few',
				params: { min: 2, count: 1 }
			}
		]);
	});

	it('scale: a whole number in range', () => {
		expect(errorFor({ score: 0 }, 'score')).toEqual(['out_of_range']);
		expect(errorFor({ score: 6 }, 'score')).toEqual(['out_of_range']);
		expect(errorFor({ score: 3.5 }, 'score')).toEqual(['wrong_type']);
		expect(errorFor({ score: '4' }, 'score')).toEqual(['wrong_type']);
		expect(errorFor({ score: 1 }, 'score')).toEqual([]);
	});

	it('yes/no: a boolean', () => {
		expect(errorFor({ agree: 'ja' }, 'agree')).toEqual(['wrong_type']);
		expect(errorFor({ agree: false }, 'agree')).toEqual([]);
	});

	it('ranking: a permutation of all options', () => {
		expect(errorFor({ order: ['p', 'q'] }, 'order')).toEqual(['not_a_permutation']);
		expect(errorFor({ order: ['p', 'q', 'q'] }, 'order')).toEqual(['duplicate_choice']);
		expect(errorFor({ order: ['p', 'q', 's'] }, 'order')).toEqual(['unknown_choice']);
		expect(errorFor({ order: 'pqr' }, 'order')).toEqual(['wrong_type']);
	});

	it('text: a string within the limit, counted in characters', () => {
		expect(errorFor({ remarks: 'x'.repeat(21) }, 'remarks')).toEqual(['too_long']);
		expect(errorFor({ remarks: '😀'.repeat(20) }, 'remarks')).toEqual([]);
		expect(errorFor({ name_idea: 42 }, 'name_idea')).toEqual(['wrong_type']);
		expect(errorFor({ name_idea: 'x'.repeat(201) }, 'name_idea')).toEqual(['too_long']);
		const result = validateResponse(def, { ...good, remarks: 'x'.repeat(25) });
		expect(result.errors[0].params).toEqual({ max: 20, length: 25 });
	});

	it('location: a valid point inside the bounds', () => {
		expect(errorFor({ spot: { lat: 91, lng: 4.4 } }, 'spot')).toEqual(['invalid_point']);
		expect(errorFor({ spot: { lat: 51.2, lng: Number.NaN } }, 'spot')).toEqual(['invalid_point']);
		expect(errorFor({ spot: [51.2, 4.4] }, 'spot')).toEqual(['invalid_point']);
		expect(errorFor({ spot: { lat: 51.2, lng: 4.4, note: 'x' } }, 'spot')).toEqual([
			'invalid_point'
		]);
		expect(errorFor({ spot: { lat: 50.85, lng: 4.35 } }, 'spot')).toEqual(['outside_area']);
	});

	it('location: an extra area from the caller also applies', () => {
		const city = { south: 51.25, west: 4.4, north: 51.3, east: 4.5 };
		const result = validateResponse(def, good, { bounds: city });
		expect(result.errors.map((e) => e.code)).toEqual(['outside_area']);
	});

	it('info: takes no answer', () => {
		expect(errorFor({ intro_block: 'gelezen' }, 'intro_block')).toEqual(['not_answerable']);
		expect(errorFor({ intro_block: null }, 'intro_block')).toEqual([]);
	});

	it('rejects unknown questions and answers that are not an object', () => {
		expect(errorFor({ hacker: 1 }, 'hacker')).toEqual(['unknown_question']);
		expect(validateResponse(def, ['a']).errors).toEqual([
			{ questionId: null, code: 'not_an_object', messageKey: 'survey.answer.not_an_object' }
		]);
		expect(validateResponse(def, null).ok).toBe(false);
	});
});

describe('conditional questions', () => {
	const conditional = parsed(
		rawSurvey([
			{
				id: 'often',
				type: 'single_choice',
				required: true,
				label: nl('Hoe vaak?'),
				options: [
					{ id: 'daily', label: nl('Elke dag') },
					{ id: 'never', label: nl('Nooit') }
				]
			},
			{
				id: 'why_never',
				type: 'short_text',
				required: true,
				label: nl('Waarom nooit?'),
				showIf: { question: 'often', equals: 'never' }
			},
			{
				id: 'reason_detail',
				type: 'yes_no',
				required: true,
				label: nl('Is het te ver?'),
				showIf: { question: 'why_never', answered: true }
			},
			{
				id: 'safe',
				type: 'scale',
				min: 1,
				max: 5,
				minLabel: nl('Onveilig'),
				maxLabel: nl('Veilig'),
				label: nl('Hoe veilig?'),
				showIf: { not: { question: 'often', equals: 'never' } }
			}
		])
	);

	it('shows questions by earlier answers', () => {
		const ids = (answers: Record<string, unknown>) =>
			visibleQuestions(conditional, answers).map((q) => q.id);
		expect(ids({})).toEqual(['often', 'safe']);
		expect(ids({ often: 'daily' })).toEqual(['often', 'safe']);
		expect(ids({ often: 'never' })).toEqual(['often', 'why_never']);
		expect(ids({ often: 'never', why_never: 'Te ver' })).toEqual([
			'often',
			'why_never',
			'reason_detail'
		]);
	});

	it('hides dependants of a hidden question, even if a stale answer is still there', () => {
		expect(
			visibleQuestions(conditional, { often: 'daily', why_never: 'Te ver' }).map((q) => q.id)
		).toEqual(['often', 'safe']);
	});

	it('requires a visible required question but never a hidden one', () => {
		const shown = validateResponse(conditional, { often: 'never' });
		expect(shown.errors.map((e) => `${e.questionId} ${e.code}`)).toEqual(['why_never required']);
		expect(validateResponse(conditional, { often: 'daily' }).ok).toBe(true);
	});

	it('refuses an answer to a hidden question', () => {
		const result = validateResponse(conditional, { often: 'daily', why_never: 'Te ver', safe: 3 });
		expect(result.errors.map((e) => `${e.questionId} ${e.code}`)).toEqual([
			'why_never hidden_answered'
		]);
		expect(
			validateResponse(conditional, {
				often: 'never',
				why_never: 'Te ver',
				reason_detail: true,
				safe: 2
			}).errors.map((e) => e.code)
		).toEqual(['hidden_answered']);
		// An empty value for a hidden question is how the web app clears it: fine.
		expect(validateResponse(conditional, { often: 'daily', why_never: '' }).ok).toBe(true);
	});

	it('evaluates every operator; comparisons are false without an answer', () => {
		const answers = { c: 'a', m: ['x'], s: 4, y: false };
		expect(evaluateCondition({ question: 'c', equals: 'a' }, answers)).toBe(true);
		expect(evaluateCondition({ question: 'c', in: ['b', 'a'] }, answers)).toBe(true);
		expect(evaluateCondition({ question: 'm', includes: 'x' }, answers)).toBe(true);
		expect(evaluateCondition({ question: 'm', includes: 'y' }, answers)).toBe(false);
		expect(evaluateCondition({ question: 's', atLeast: 4 }, answers)).toBe(true);
		expect(evaluateCondition({ question: 's', atMost: 3 }, answers)).toBe(false);
		expect(evaluateCondition({ question: 'y', equals: false }, answers)).toBe(true);
		expect(evaluateCondition({ question: 'n', equals: 'a' }, answers)).toBe(false);
		expect(evaluateCondition({ question: 'n', atMost: 3 }, answers)).toBe(false);
		expect(evaluateCondition({ question: 'n', answered: false }, answers)).toBe(true);
		expect(evaluateCondition({ question: 'm', answered: true }, answers)).toBe(true);
		expect(evaluateCondition({ not: { question: 'n', equals: 'a' } }, answers)).toBe(true);
		expect(
			evaluateCondition(
				{
					all: [
						{ question: 'c', equals: 'a' },
						{
							any: [
								{ question: 's', atLeast: 5 },
								{ question: 'y', equals: false }
							]
						}
					]
				},
				answers
			)
		).toBe(true);
		expect(
			evaluateCondition(
				{
					any: [
						{ question: 'c', equals: 'b' },
						{ question: 's', atLeast: 5 }
					]
				},
				answers
			)
		).toBe(false);
	});
});

describe('error codes', () => {
	it('every code is produced by some test above and has a message key', () => {
		// One answer set that triggers each code at least once, as a guard for the list itself.
		const seen = new Set<ResponseErrorCode>();
		const cases: Record<string, unknown>[] = [
			{
				choice: undefined,
				many: ['x', 'w'],
				score: 9,
				agree: 'ja',
				order: ['p'],
				remarks: 'x'.repeat(30),
				spot: { lat: 0, lng: 0 },
				intro_block: 'x',
				nope: 1
			},
			{ many: ['x', 'x'], spot: 'here' },
			{ many: ['x', 'y', 'z'] }
		];
		for (const c of cases)
			for (const e of validateResponse(def, { ...good, ...c }).errors) seen.add(e.code);
		for (const e of validateResponse(def, 'x').errors) seen.add(e.code);
		const minTwo = parsed(
			rawSurvey(rawQuestions().map((q) => (q.id === 'many' ? { ...q, minSelected: 2 } : q)))
		);
		for (const e of validateResponse(minTwo, { ...good, many: ['x'] }).errors) seen.add(e.code);
		const cond = parsed(
			rawSurvey([
				...rawQuestions(),
				{ id: 'later', type: 'yes_no', label: nl('?'), showIf: { question: 'agree', equals: true } }
			])
		);
		for (const e of validateResponse(cond, { ...good, agree: false, later: true }).errors)
			seen.add(e.code);
		expect([...seen].sort()).toEqual([...RESPONSE_ERROR_CODES].sort());
	});
});

describe('helpers', () => {
	it('counts characters, not UTF-16 units', () => {
		expect(textLength('abc')).toBe(3);
		expect(textLength('😀é')).toBe(2);
	});

	it('treats null, blank text and empty lists as no answer', () => {
		expect([undefined, null, '', '  ', []].every(isEmptyAnswer)).toBe(true);
		expect([0, false, 'x', ['a']].some(isEmptyAnswer)).toBe(false);
	});
});

describe('runs inside PocketBase (goja)', () => {
	const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

	it('imports nothing from Node or npm, only types and pure siblings', () => {
		for (const file of [
			'validate-response.ts',
			'schema.ts',
			'i18n.ts',
			'plain-language.ts',
			'lint.ts'
		]) {
			const source = readFileSync(here(file), 'utf8');
			const imports = [...source.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
			for (const spec of imports)
				expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/[a-z0-9-]+\.ts$/);
		}
		const validator = readFileSync(here('validate-response.ts'), 'utf8');
		expect(validator).toMatch(/^import type \{[^}]*\} from '\.\/schema\.ts';$/m);
		expect(validator).not.toMatch(/\basync\b|\bawait\b/);
	});

	const bundle = async (file: string) => {
		const out = await build({
			entryPoints: [here(file)],
			bundle: true,
			format: 'cjs',
			target: 'es2017',
			platform: 'neutral',
			write: false,
			logLevel: 'silent'
		});
		const module = { exports: {} as Record<string, (...args: unknown[]) => unknown> };
		runInNewContext(out.outputFiles[0].text, { module, exports: module.exports });
		return module.exports;
	};

	it('the schema bundles too, so a hook can check a definition before saving it', async () => {
		const schema = await bundle('schema.ts');
		expect(schema.parseSurveyDefinition(rawSurvey())).toMatchObject({ ok: true });
	});

	it('bundles to ES2017 CommonJS and validates with no require, process or globals', async () => {
		const out = await build({
			entryPoints: [here('validate-response.ts')],
			bundle: true,
			format: 'cjs',
			target: 'es2017',
			platform: 'neutral',
			write: false,
			logLevel: 'silent'
		});
		const code = out.outputFiles[0].text;
		const module = { exports: {} as Record<string, (...args: unknown[]) => unknown> };
		runInNewContext(code, { module, exports: module.exports });
		const result = module.exports.validateResponse(def, { ...good, score: 9 }) as {
			ok: boolean;
			errors: { code: string }[];
		};
		expect(result.ok).toBe(false);
		expect(result.errors.map((e) => e.code)).toEqual(['out_of_range']);
	});
});
