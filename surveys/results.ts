// Aggregates responses into per-question results. Pure, like the validator,
// so the server (public results, CSV), the staff pages and the CLI count the
// same way and publish the same numbers.
//
// Versions: a response is stored with the version it answered, but results are
// always shown for the current definition. An answer counts when its question
// still exists and the answer is still valid for it (`answerFits`); any other
// answer is left out of every count and reported as `notCounted`, so a changed
// option list or scale can never index out of range or be counted silently.
import type { Point, Question, SurveyDefinition } from './schema.ts';
import { answerFits, isEmptyAnswer } from './validate-response.ts';

export interface OptionCount {
	id: string;
	count: number;
}

export type QuestionResult =
	| {
			type: 'single_choice' | 'multiple_choice';
			id: string;
			answered: number;
			options: OptionCount[];
	  }
	| { type: 'yes_no'; id: string; answered: number; yes: number; no: number }
	| {
			type: 'scale';
			id: string;
			answered: number;
			min: number;
			max: number;
			counts: number[];
			mean: number | null;
	  }
	| {
			type: 'ranking';
			id: string;
			answered: number;
			/** Options by mean position, best first; position 1 is the top. */
			options: Array<{ id: string; meanPosition: number | null; firstPlaces: number }>;
	  }
	| { type: 'short_text' | 'long_text'; id: string; answered: number }
	| { type: 'location'; id: string; answered: number; points: Point[] };

export interface SurveyResults {
	responses: number;
	/** Per answerable question; `answered` counts only answers that fit the current definition. */
	questions: Array<QuestionResult & { notCounted: number }>;
	/**
	 * Answers left out of every count because they were given to an earlier version of the
	 * survey and no longer fit: their question is gone, or their value is no longer valid.
	 */
	notCounted: number;
}

function resultFor(
	question: Exclude<Question, { type: 'info' }>,
	given: unknown[]
): QuestionResult {
	const base = { id: question.id, answered: given.length };
	switch (question.type) {
		case 'single_choice':
		case 'multiple_choice': {
			const counts = new Map(question.options.map((option) => [option.id, 0]));
			for (const value of given) {
				for (const id of Array.isArray(value) ? value : [value]) {
					if (counts.has(id as string)) counts.set(id as string, counts.get(id as string)! + 1);
				}
			}
			return {
				...base,
				type: question.type,
				options: [...counts].map(([id, count]) => ({ id, count }))
			};
		}
		case 'yes_no':
			return {
				...base,
				type: 'yes_no',
				yes: given.filter((v) => v === true).length,
				no: given.filter((v) => v === false).length
			};
		case 'scale': {
			const counts = new Array<number>(question.max - question.min + 1).fill(0);
			let sum = 0;
			for (const value of given) {
				counts[(value as number) - question.min]++;
				sum += value as number;
			}
			return {
				...base,
				type: 'scale',
				min: question.min,
				max: question.max,
				counts,
				mean: given.length ? sum / given.length : null
			};
		}
		case 'ranking': {
			const options = question.options.map((option) => {
				const positions = given
					.map((value) => (value as string[]).indexOf(option.id) + 1)
					.filter((p) => p > 0);
				return {
					id: option.id,
					meanPosition: positions.length
						? positions.reduce((a, b) => a + b, 0) / positions.length
						: null,
					firstPlaces: positions.filter((p) => p === 1).length
				};
			});
			options.sort((a, b) => (a.meanPosition ?? Infinity) - (b.meanPosition ?? Infinity));
			return { ...base, type: 'ranking', options };
		}
		case 'short_text':
		case 'long_text':
			// Free text is never counted into public numbers; moderated texts are listed separately.
			return { ...base, type: question.type };
		case 'location':
			return { ...base, type: 'location', points: given as Point[] };
	}
}

/**
 * Results of every answerable question of the current definition. Answers that do not fit it
 * (given to an earlier version) are counted in `notCounted`, per question and in total.
 */
export function aggregateResults(
	definition: SurveyDefinition,
	responses: Array<Record<string, unknown>>
): SurveyResults {
	const questions: SurveyResults['questions'] = [];
	const known = new Set<string>();
	let notCounted = 0;
	for (const question of definition.questions) {
		known.add(question.id);
		if (question.type === 'info') continue;
		const given: unknown[] = [];
		let misfits = 0;
		for (const answers of responses) {
			const value = answers[question.id];
			if (isEmptyAnswer(value)) continue;
			if (answerFits(question, value)) given.push(value);
			else misfits++;
		}
		notCounted += misfits;
		questions.push({ ...resultFor(question, given), notCounted: misfits });
	}
	for (const answers of responses) {
		for (const id of Object.keys(answers)) {
			if (!known.has(id) && !isEmptyAnswer(answers[id])) notCounted++;
		}
	}
	return { responses: responses.length, questions, notCounted };
}

/** A response as the results need it: its answers and the editors' decisions on its free text. */
export interface ModeratedResponse {
	answers: Record<string, unknown>;
	/** Question id → 'approved' | 'rejected'; absent means not moderated yet. */
	moderation?: Record<string, unknown> | null;
}

/** Approved free-text answers per text question: the only free text ever made public. */
export function approvedTexts(
	definition: SurveyDefinition,
	responses: ModeratedResponse[]
): Record<string, string[]> {
	const texts: Record<string, string[]> = {};
	for (const question of definition.questions) {
		if (question.type === 'short_text' || question.type === 'long_text') texts[question.id] = [];
	}
	for (const { answers, moderation } of responses) {
		for (const id of Object.keys(texts)) {
			if (moderation?.[id] === 'approved' && typeof answers[id] === 'string') {
				texts[id].push(answers[id] as string);
			}
		}
	}
	return texts;
}
