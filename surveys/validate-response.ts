// Checks a resident's answers against a parsed survey definition.
// Pure on purpose: the PocketBase hooks run an esbuild CommonJS bundle of this file in goja
// (ES2017-ish, synchronous, no Node APIs), and the web app runs it before submitting.
// The only import is type-only, so it disappears from the bundle.
import type { Bounds, Condition, Point, Question, SurveyDefinition } from './schema.ts';

export const RESPONSE_ERROR_CODES = [
	'not_an_object',
	'unknown_question',
	'not_answerable',
	'hidden_answered',
	'required',
	'wrong_type',
	'unknown_choice',
	'duplicate_choice',
	'too_few',
	'too_many',
	'out_of_range',
	'too_long',
	'not_a_permutation',
	'invalid_point',
	'outside_area'
] as const;
export type ResponseErrorCode = (typeof RESPONSE_ERROR_CODES)[number];

export interface ResponseError {
	/** The question the error belongs to; null when the whole `answers` value is wrong. */
	questionId: string | null;
	code: ResponseErrorCode;
	/** A key into the app's message files, e.g. `survey.answer.too_long`. */
	messageKey: string;
	/** Values for the message, e.g. `{ max: 500, length: 612 }`. */
	params?: Record<string, string | number>;
}

export interface ResponseValidation {
	ok: boolean;
	errors: ResponseError[];
	/** Ids of the questions that were shown, given these answers; in survey order. */
	visible: string[];
}

export interface ValidateOptions {
	/** Extra area a location must lie in, on top of a question's own bounds (e.g. the city). */
	bounds?: Bounds;
}

export type AnswerValue = string | number | boolean | string[] | Point;
export type Answers = Record<string, unknown>;

function error(
	questionId: string | null,
	code: ResponseErrorCode,
	params?: Record<string, string | number>
): ResponseError {
	const e: ResponseError = { questionId, code, messageKey: `survey.answer.${code}` };
	if (params) e.params = params;
	return e;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Counts code points, as the web app's counter does, so an emoji counts once. */
export function textLength(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		// Skip the low half of a surrogate pair.
		if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
			const prev = text.charCodeAt(i - 1);
			if (prev >= 0xd800 && prev <= 0xdbff) continue;
		}
		n++;
	}
	return n;
}

/**
 * Whether a value counts as "no answer": absent, null, blank text or an empty list.
 * The web app clears an answer this way, so none of these is an error on its own.
 */
export function isEmptyAnswer(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

/** Evaluates a showIf condition against the answers of the questions that are visible. */
export function evaluateCondition(condition: Condition, visibleAnswers: Answers): boolean {
	if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, visibleAnswers));
	if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, visibleAnswers));
	if ('not' in condition) return !evaluateCondition(condition.not, visibleAnswers);

	const value = visibleAnswers[condition.question];
	const empty = isEmptyAnswer(value);
	if ('answered' in condition) return condition.answered ? !empty : empty;
	// Every comparison is false without an answer; authors use `answered` or `not` for that case.
	if (empty) return false;
	if ('equals' in condition) return value === condition.equals;
	if ('in' in condition) {
		return condition.in.some((v) => v === value);
	}
	if ('includes' in condition) {
		return Array.isArray(value) && value.indexOf(condition.includes) !== -1;
	}
	if ('atLeast' in condition) return typeof value === 'number' && value >= condition.atLeast;
	if ('atMost' in condition) return typeof value === 'number' && value <= condition.atMost;
	return false;
}

/**
 * The questions a resident sees with these answers, in order. Conditions only look back, so one
 * pass is enough; an answer to a hidden question is ignored, which hides its dependants in turn.
 */
export function visibleQuestions(def: SurveyDefinition, answers: Answers): Question[] {
	const seen: Answers = {};
	const out: Question[] = [];
	for (const q of def.questions) {
		if (q.showIf && !evaluateCondition(q.showIf, seen)) continue;
		out.push(q);
		if (Object.prototype.hasOwnProperty.call(answers, q.id)) seen[q.id] = answers[q.id];
	}
	return out;
}

export function isPoint(value: unknown): value is Point {
	if (!isPlainObject(value)) return false;
	const keys = Object.keys(value);
	if (keys.length !== 2 || !('lat' in value) || !('lng' in value)) return false;
	const { lat, lng } = value;
	return (
		typeof lat === 'number' &&
		typeof lng === 'number' &&
		isFinite(lat) &&
		isFinite(lng) &&
		lat >= -90 &&
		lat <= 90 &&
		lng >= -180 &&
		lng <= 180
	);
}

function inBounds(p: Point, b: Bounds): boolean {
	return p.lat >= b.south && p.lat <= b.north && p.lng >= b.west && p.lng <= b.east;
}

function checkOptionList(
	q: Question & { options: { id: string }[] },
	value: unknown,
	errors: ResponseError[]
): string[] | null {
	if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
		errors.push(error(q.id, 'wrong_type', { expected: 'list' }));
		return null;
	}
	const ids = q.options.map((o) => o.id);
	const list = value as string[];
	for (const v of list) {
		if (ids.indexOf(v) === -1) {
			errors.push(error(q.id, 'unknown_choice', { choice: v }));
			return null;
		}
	}
	for (let i = 0; i < list.length; i++) {
		if (list.indexOf(list[i]) !== i) {
			errors.push(error(q.id, 'duplicate_choice', { choice: list[i] }));
			return null;
		}
	}
	return list;
}

/** Checks one non-empty answer against its question; pushes at most one error. */
function checkAnswer(
	q: Question,
	value: unknown,
	errors: ResponseError[],
	options: ValidateOptions
): void {
	switch (q.type) {
		case 'info':
			errors.push(error(q.id, 'not_answerable'));
			return;
		case 'single_choice':
			if (typeof value !== 'string') errors.push(error(q.id, 'wrong_type', { expected: 'choice' }));
			else if (!q.options.some((o) => o.id === value)) {
				errors.push(error(q.id, 'unknown_choice', { choice: value }));
			}
			return;
		case 'multiple_choice': {
			const list = checkOptionList(q, value, errors);
			if (!list) return;
			if (q.minSelected !== undefined && list.length < q.minSelected) {
				errors.push(error(q.id, 'too_few', { min: q.minSelected, count: list.length }));
			} else if (q.maxSelected !== undefined && list.length > q.maxSelected) {
				errors.push(error(q.id, 'too_many', { max: q.maxSelected, count: list.length }));
			}
			return;
		}
		case 'ranking': {
			const list = checkOptionList(q, value, errors);
			if (list && list.length !== q.options.length) {
				errors.push(
					error(q.id, 'not_a_permutation', { expected: q.options.length, count: list.length })
				);
			}
			return;
		}
		case 'scale':
			if (typeof value !== 'number' || !Number.isInteger(value)) {
				errors.push(error(q.id, 'wrong_type', { expected: 'integer' }));
			} else if (value < q.min || value > q.max) {
				errors.push(error(q.id, 'out_of_range', { min: q.min, max: q.max }));
			}
			return;
		case 'yes_no':
			if (typeof value !== 'boolean')
				errors.push(error(q.id, 'wrong_type', { expected: 'boolean' }));
			return;
		case 'short_text':
		case 'long_text': {
			if (typeof value !== 'string') {
				errors.push(error(q.id, 'wrong_type', { expected: 'text' }));
				return;
			}
			const length = textLength(value);
			if (length > q.maxLength) errors.push(error(q.id, 'too_long', { max: q.maxLength, length }));
			return;
		}
		case 'location':
			if (!isPoint(value)) {
				errors.push(error(q.id, 'invalid_point'));
			} else if (
				(q.bounds && !inBounds(value, q.bounds)) ||
				(options.bounds && !inBounds(value, options.bounds))
			) {
				errors.push(error(q.id, 'outside_area'));
			}
			return;
	}
}

/**
 * Whether a non-empty answer is, on its own, a valid answer to this question (its type, choices,
 * range, limits and the question's own area; not `required` or conditions). The results use it to
 * count an answer given to an earlier version of a survey only when it still fits the current one.
 */
export function answerFits(q: Question, value: unknown): boolean {
	const errors: ResponseError[] = [];
	checkAnswer(q, value, errors, {});
	return errors.length === 0;
}

/**
 * Validates a response's `answers` (question id → answer) against a parsed definition.
 * Answer shapes: single_choice option id; multiple_choice and ranking a list of option ids;
 * scale an integer; yes_no a boolean; short/long text a string; location `{ lat, lng }`.
 * Returns every error, at most one per question, in survey order.
 */
export function validateResponse(
	def: SurveyDefinition,
	answers: unknown,
	options: ValidateOptions = {}
): ResponseValidation {
	if (!isPlainObject(answers)) {
		return { ok: false, errors: [error(null, 'not_an_object')], visible: [] };
	}
	const errors: ResponseError[] = [];
	const known: Record<string, Question> = {};
	for (const q of def.questions) known[q.id] = q;
	for (const key of Object.keys(answers)) {
		if (!Object.prototype.hasOwnProperty.call(known, key)) {
			errors.push(error(key, 'unknown_question'));
		}
	}

	const shown = visibleQuestions(def, answers);
	const visibleIds: Record<string, true> = {};
	for (const q of shown) visibleIds[q.id] = true;

	for (const q of def.questions) {
		const has = Object.prototype.hasOwnProperty.call(answers, q.id);
		const value = has ? answers[q.id] : undefined;
		const empty = isEmptyAnswer(value);
		if (!visibleIds[q.id]) {
			// A stale answer to a question that is now hidden would skew the results.
			if (!empty) errors.push(error(q.id, 'hidden_answered'));
			continue;
		}
		if (empty) {
			if (q.required) errors.push(error(q.id, 'required'));
			continue;
		}
		checkAnswer(q, value, errors, options);
	}
	return { ok: errors.length === 0, errors, visible: shown.map((q) => q.id) };
}
