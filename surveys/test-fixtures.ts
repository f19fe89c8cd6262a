// Raw (unparsed) definitions for the tests: one question of every type, easy to break on purpose.
import { contentHash, type LoadedSurvey } from './load.ts';
import { parseSurveyDefinition, type SurveyDefinition } from './schema.ts';

export const nl = (text: string): { nl: string } => ({ nl: text });

export function rawQuestions(): Record<string, unknown>[] {
	return [
		{ id: 'intro_block', type: 'info', label: nl('Uitleg'), body: nl('Lees dit eerst.') },
		{
			id: 'choice',
			type: 'single_choice',
			required: true,
			label: nl('Kies er een'),
			options: [
				{ id: 'a', label: nl('A') },
				{ id: 'b', label: nl('B') },
				{ id: 'c', label: nl('C') }
			]
		},
		{
			id: 'many',
			type: 'multiple_choice',
			minSelected: 1,
			maxSelected: 2,
			label: nl('Kies er een of twee'),
			options: [
				{ id: 'x', label: nl('X') },
				{ id: 'y', label: nl('Y') },
				{ id: 'z', label: nl('Z') }
			]
		},
		{
			id: 'score',
			type: 'scale',
			min: 1,
			max: 5,
			minLabel: nl('Slecht'),
			maxLabel: nl('Goed'),
			label: nl('Hoe goed?')
		},
		{ id: 'agree', type: 'yes_no', label: nl('Akkoord?') },
		{
			id: 'order',
			type: 'ranking',
			label: nl('Zet in volgorde'),
			options: [
				{ id: 'p', label: nl('P') },
				{ id: 'q', label: nl('Q') },
				{ id: 'r', label: nl('R') }
			]
		},
		{ id: 'name_idea', type: 'short_text', label: nl('Een naam?') },
		{ id: 'remarks', type: 'long_text', maxLength: 20, label: nl('Nog iets?') },
		{
			id: 'spot',
			type: 'location',
			label: nl('Waar?'),
			bounds: { south: 51.2, west: 4.4, north: 51.3, east: 4.5 }
		}
	];
}

export function rawSurvey(questions: unknown[] = rawQuestions()): Record<string, unknown> {
	return {
		slug: 'test-survey',
		title: { nl: 'Test', en: 'Test', fr: 'Test' },
		intro: nl('Een korte uitleg.'),
		estimatedMinutes: 3,
		district: 'Deurne',
		opens: '2026-11-01',
		closes: '2027-03-31',
		resultsPublic: true,
		whatNext: nl('We lezen alles.'),
		resultsAt: '2027-05-01',
		questions
	};
}

export function parsed(raw: unknown = rawSurvey()): SurveyDefinition {
	const result = parseSurveyDefinition(raw);
	if (!result.ok) throw new Error(`fixture does not parse: ${JSON.stringify(result.errors)}`);
	return result.value;
}

/** A raw definition as `loadSurveys` would return it from a file, for import and seed tests. */
export function loadedSurvey(raw: unknown): LoadedSurvey {
	const definition = parsed(raw);
	return {
		file: `${definition.slug}.yaml`,
		slug: definition.slug,
		definition,
		hash: contentHash(definition),
		locate: () => ({ line: 1, col: 1 })
	};
}

/** The UTC date `offset` days from now, e.g. "2026-12-09": tests must not hang on a calendar date. */
export function dayFromToday(offset: number): string {
	return new Date(Date.now() + offset * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
