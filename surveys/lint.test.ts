import { describe, expect, it } from 'vitest';
import { lintSurvey } from './lint.ts';
import { nl, parsed, rawSurvey } from './test-fixtures.ts';

describe('lintSurvey', () => {
	it('checks the Dutch text of every question and names the question and the path', () => {
		const def = parsed(
			rawSurvey([
				{ id: 'ok', type: 'yes_no', label: nl('Woon je hier?') },
				{
					id: 'stiff',
					type: 'single_choice',
					label: nl('Indien u hier woont, welk plan wordt door u gekozen?'),
					help: {
						nl: 'Kies één plan.',
						en: 'Choose one plan, whereby the text is only checked in Dutch.'
					},
					options: [
						{ id: 'a', label: nl('Een rondpunt') },
						{ id: 'b', label: nl('Verkeerslichten middels sensoren') }
					]
				}
			])
		);
		const warnings = lintSurvey(def).filter((w) => w.rule !== 'missing_translation');
		expect(warnings.map((w) => [w.questionId, w.rule, w.path.join('.')])).toEqual([
			['stiff', 'jargon', 'questions.1.label.nl'],
			['stiff', 'passive_voice', 'questions.1.label.nl'],
			['stiff', 'jargon', 'questions.1.options.1.label.nl']
		]);
		expect(warnings[0].suggestion).toBe('als');
	});

	it('checks survey-level texts without a question id', () => {
		const raw = rawSurvey();
		raw.whatNext = nl('De resultaten worden in mei bekendgemaakt.');
		const warning = lintSurvey(parsed(raw)).find((w) => w.rule === 'passive_voice');
		expect(warning).toMatchObject({ path: ['whatNext', 'nl'] });
		expect(warning?.questionId).toBeUndefined();
	});
});
