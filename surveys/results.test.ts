// The counts the public results page, the staff pages and the CLI all show:
// four hand-made responses to the fixture survey, every expected figure worked
// out by hand below.
import { describe, expect, it } from 'vitest';
import { aggregateResults, approvedTexts, type QuestionResult } from './results.ts';
import { parsed, rawQuestions, rawSurvey } from './test-fixtures.ts';

const definition = parsed();

const responses = [
	{
		choice: 'a',
		many: ['x', 'y'],
		score: 5,
		agree: true,
		order: ['p', 'q', 'r'],
		name_idea: 'Noordplein',
		remarks: 'Mooi plan',
		spot: { lat: 51.25, lng: 4.45 }
	},
	{
		choice: 'a',
		many: ['y'],
		score: 3,
		agree: false,
		order: ['q', 'p', 'r'],
		remarks: 'Te duur'
	},
	{
		choice: 'b',
		many: [],
		agree: true,
		order: ['q', 'r', 'p'],
		spot: { lat: 51.21, lng: 4.41 }
	},
	{}
];

function result(id: string): QuestionResult {
	const found = aggregateResults(definition, responses).questions.find((q) => q.id === id);
	if (!found) throw new Error(`no result for ${id}`);
	return found;
}

describe('aggregateResults', () => {
	it('counts every response, and one result per answerable question in survey order', () => {
		const results = aggregateResults(definition, responses);
		expect(results.responses).toBe(4);
		expect(results.notCounted).toBe(0);
		expect(results.questions.map((q) => q.id)).toEqual([
			'choice',
			'many',
			'score',
			'agree',
			'order',
			'name_idea',
			'remarks',
			'spot'
		]);
	});

	it('single choice: one count per option, unchosen options at 0', () => {
		expect(result('choice')).toEqual({
			type: 'single_choice',
			id: 'choice',
			answered: 3,
			notCounted: 0,
			options: [
				{ id: 'a', count: 2 },
				{ id: 'b', count: 1 },
				{ id: 'c', count: 0 }
			]
		});
	});

	it('multiple choice: every chosen option counts; an empty list is no answer', () => {
		expect(result('many')).toMatchObject({
			answered: 2,
			options: [
				{ id: 'x', count: 1 },
				{ id: 'y', count: 2 },
				{ id: 'z', count: 0 }
			]
		});
	});

	it('scale: a count per step from min to max and the mean of the answers given', () => {
		expect(result('score')).toMatchObject({
			answered: 2,
			min: 1,
			max: 5,
			counts: [0, 0, 1, 0, 1],
			mean: 4
		});
	});

	it('yes/no', () => {
		expect(result('agree')).toMatchObject({ answered: 3, yes: 2, no: 1 });
	});

	it('ranking: mean position (1 is best) and first places, best first', () => {
		// p: 1, 2, 3 → 2; q: 2, 1, 1 → 4/3; r: 3, 3, 2 → 8/3.
		const ranking = result('order') as Extract<QuestionResult, { type: 'ranking' }>;
		expect(ranking.answered).toBe(3);
		expect(ranking.options.map((o) => o.id)).toEqual(['q', 'p', 'r']);
		expect(ranking.options[0].meanPosition).toBeCloseTo(4 / 3);
		expect(ranking.options[1].meanPosition).toBe(2);
		expect(ranking.options[2].meanPosition).toBeCloseTo(8 / 3);
		expect(ranking.options.map((o) => o.firstPlaces)).toEqual([2, 1, 0]);
	});

	it('location: the points given', () => {
		expect(result('spot')).toMatchObject({
			answered: 2,
			points: [
				{ lat: 51.25, lng: 4.45 },
				{ lat: 51.21, lng: 4.41 }
			]
		});
	});

	it('free text: only how many answered, never the text itself', () => {
		expect(result('name_idea')).toEqual({
			type: 'short_text',
			id: 'name_idea',
			answered: 1,
			notCounted: 0
		});
		expect(result('remarks')).toEqual({
			type: 'long_text',
			id: 'remarks',
			answered: 2,
			notCounted: 0
		});
		const all = JSON.stringify(aggregateResults(definition, responses));
		expect(all).not.toContain('Mooi plan');
		expect(all).not.toContain('Noordplein');
	});

	it('a survey without responses has zero counts and no mean', () => {
		const empty = aggregateResults(definition, []);
		expect(empty.responses).toBe(0);
		expect(empty.questions.find((q) => q.id === 'score')).toMatchObject({
			answered: 0,
			counts: [0, 0, 0, 0, 0],
			mean: null
		});
	});
});

describe('answers given to an earlier version', () => {
	// Version 2: option c is gone, the scale is 1–3 instead of 1–5, and the yes/no question is gone.
	const questions = rawQuestions()
		.filter((q) => q.id !== 'agree')
		.map((q) => {
			if (q.id === 'choice') return { ...q, options: (q.options as unknown[]).slice(0, 2) };
			if (q.id === 'score') return { ...q, max: 3 };
			return q;
		});
	const v2 = parsed(rawSurvey(questions));
	const mixed = [
		{ choice: 'c', score: 5, agree: true, many: ['x'] }, // answered on version 1
		{ choice: 'a', score: 2, many: ['x', 'y'] } // answered on version 2
	];

	it('count only where question and value still fit, and say how many could not be counted', () => {
		const results = aggregateResults(v2, mixed);
		expect(results.responses).toBe(2);
		const byId = Object.fromEntries(results.questions.map((q) => [q.id, q]));
		expect(byId.choice).toMatchObject({
			answered: 1,
			notCounted: 1,
			options: [
				{ id: 'a', count: 1 },
				{ id: 'b', count: 0 }
			]
		});
		// 5 is outside 1–3: left out, never counts[5 - 1].
		expect(byId.score).toMatchObject({ answered: 1, notCounted: 1, counts: [0, 1, 0], mean: 2 });
		expect(byId.many).toMatchObject({ answered: 2, notCounted: 0 });
		expect(byId.agree).toBeUndefined();
		// choice "c", score 5 and the answer to the removed yes/no question.
		expect(results.notCounted).toBe(3);
	});
});

describe('approvedTexts', () => {
	it('lists a free-text answer only when an editor approved it', () => {
		const texts = approvedTexts(definition, [
			{ answers: responses[0], moderation: { remarks: 'approved' } },
			{ answers: responses[1], moderation: { remarks: 'rejected' } },
			// Approving a question that has no text answer, or that is not free text, publishes nothing.
			{ answers: responses[2], moderation: { name_idea: 'approved', choice: 'approved' } },
			{ answers: { remarks: 'Nog niet bekeken' } },
			{ answers: { remarks: 'Ook niet' }, moderation: null }
		]);
		expect(texts).toEqual({ name_idea: [], remarks: ['Mooi plan'] });
	});
});
