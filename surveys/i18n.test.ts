import { describe, expect, it } from 'vitest';
import { completeLanguages, localize, missingTranslations, pickText } from './i18n.ts';
import { lintSurvey } from './lint.ts';
import { parsed, rawSurvey } from './test-fixtures.ts';

const text = { nl: 'Welkom', fr: 'Bienvenue', 'en-GB': 'Welcome' };

describe('pickText', () => {
	it('uses the wished language when it is there', () => {
		expect(pickText(text, 'fr')).toEqual({ text: 'Bienvenue', lang: 'fr', fellBack: false });
		expect(pickText(text, 'nl')).toEqual({ text: 'Welkom', lang: 'nl', fellBack: false });
	});

	it('tries the full tag, then the primary language, ignoring case', () => {
		expect(pickText(text, 'fr-BE')).toEqual({ text: 'Bienvenue', lang: 'fr', fellBack: false });
		expect(pickText(text, 'EN-gb')).toEqual({ text: 'Welcome', lang: 'en-GB', fellBack: false });
		expect(pickText(text, 'nl-BE')).toEqual({ text: 'Welkom', lang: 'nl', fellBack: false });
	});

	it('falls back to Dutch and says so', () => {
		expect(pickText(text, 'ar')).toEqual({ text: 'Welkom', lang: 'nl', fellBack: true });
		expect(pickText(text, 'en')).toEqual({ text: 'Welkom', lang: 'nl', fellBack: true });
		expect(pickText(text, '')).toEqual({ text: 'Welkom', lang: 'nl', fellBack: true });
		expect(localize(text, 'tr')).toBe('Welkom');
	});
});

describe('translation coverage', () => {
	it('lists only languages in which every text exists', () => {
		const raw = rawSurvey();
		expect(completeLanguages(parsed(raw))).toEqual(['nl']);
		const all = JSON.parse(
			JSON.stringify(raw).replace(/\{"nl":"([^"]*)"\}/g, '{"nl":"$1","fr":"$1"}')
		);
		all.title = { nl: 'Test', fr: 'Test' };
		expect(completeLanguages(parsed(all))).toEqual(['nl', 'fr']);
	});

	it('finds the texts that miss a language used elsewhere, and lint reports them', () => {
		const def = parsed();
		const missing = missingTranslations(def);
		expect(missing.map((m) => m.lang)).toEqual(['en', 'fr']);
		expect(missing[0].entries[0].path).toEqual(['intro']);
		const warnings = lintSurvey(def).filter((w) => w.rule === 'missing_translation');
		expect(warnings.length).toBe(missing[0].entries.length * 2);
		expect(warnings.find((w) => w.questionId === 'choice')?.message).toContain(
			'residents reading en see Dutch'
		);
	});
});
