import { describe, expect, it } from 'vitest';
import { formatMessage, isValidMessage, placeholdersOf } from './format.ts';

const answers = '{count, plural, one {# antwoord} other {# antwoorden}}';

describe('formatMessage', () => {
	it('fills plain placeholders and leaves unknown ones as they are', () => {
		expect(formatMessage('District {district}, {missing}', { district: 'Deurne' }, 'nl')).toBe(
			'District Deurne, {missing}'
		);
	});

	it('chooses the Dutch singular for 1 and the plural otherwise', () => {
		expect(formatMessage(answers, { count: 1 }, 'nl')).toBe('1 antwoord');
		expect(formatMessage(answers, { count: 0 }, 'nl')).toBe('0 antwoorden');
		expect(formatMessage(answers, { count: 2 }, 'nl')).toBe('2 antwoorden');
	});

	it('uses the language rules: French says "0 réponse", English "0 answers"', () => {
		const fr = '{count, plural, one {# réponse} other {# réponses}}';
		expect(formatMessage(fr, { count: 0 }, 'fr')).toBe('0 réponse');
		expect(formatMessage(fr, { count: 1 }, 'fr')).toBe('1 réponse');
		expect(formatMessage(fr, { count: 2 }, 'fr')).toBe('2 réponses');
		const en = '{count, plural, one {# answer} other {# answers}}';
		expect(formatMessage(en, { count: 0 }, 'en')).toBe('0 answers');
	});

	it('picks every Arabic form: zero, one, two, few, many, other', () => {
		const ar =
			'{count, plural, zero {لا ردود} one {رد واحد} two {ردان} few {# ردود} many {# ردًا} other {# رد}}';
		const cases: [number, string][] = [
			[0, 'لا ردود'],
			[1, 'رد واحد'],
			[2, 'ردان'],
			[3, '3 ردود'],
			[10, '10 ردود'],
			[11, '11 ردًا'],
			[99, '99 ردًا'],
			[100, '100 رد'],
			[102, '102 رد']
		];
		for (const [count, text] of cases)
			expect(formatMessage(ar, { count }, 'ar'), `${count}`).toBe(text);
	});

	it('prefers an exact =N match over the language category', () => {
		const message =
			'{count, plural, =0 {Nog niemand} =1 {Eén persoon} one {# persoon} other {# mensen}}';
		expect(formatMessage(message, { count: 0 }, 'nl')).toBe('Nog niemand');
		expect(formatMessage(message, { count: 1 }, 'nl')).toBe('Eén persoon');
		expect(formatMessage(message, { count: 7 }, 'nl')).toBe('7 mensen');
	});

	it('falls back to other when the language has no such branch', () => {
		expect(formatMessage(answers, { count: 3 }, 'ar')).toBe('3 antwoorden');
	});

	it('fills a {name} placeholder inside a branch, and text around the plural', () => {
		const message =
			'In {district}: {count, plural, one {# persoon uit {district} antwoordde} other {# mensen uit {district} antwoordden}}.';
		expect(formatMessage(message, { count: 1, district: 'Deurne' }, 'nl')).toBe(
			'In Deurne: 1 persoon uit Deurne antwoordde.'
		);
		expect(formatMessage(message, { count: 4, district: 'Berchem' }, 'nl')).toBe(
			'In Berchem: 4 mensen uit Berchem antwoordden.'
		);
	});

	it('keeps a # that belongs to a nested plural for that plural, and a # in a value as text', () => {
		const message =
			'{a, plural, one {# vraag met {b, plural, one {# antwoord} other {# antwoorden}}} other {# vragen}}';
		expect(formatMessage(message, { a: 1, b: 3 }, 'nl')).toBe('1 vraag met 3 antwoorden');
		expect(formatMessage('{name}: ' + answers, { name: '#1', count: 2 }, 'nl')).toBe(
			'#1: 2 antwoorden'
		);
	});

	it('leaves a plural untouched when its number is not given', () => {
		expect(formatMessage(answers, {}, 'nl')).toBe(answers);
	});
});

describe('message checks', () => {
	it('names plain and plural placeholders', () => {
		expect(placeholdersOf(`{name} gaf ${answers}`)).toEqual(['count', 'name']);
		expect(
			placeholdersOf('{n, plural, one {{name} één} two {{name} twee} other {{name} #}}')
		).toEqual(['n', 'name']);
	});

	it('accepts well-formed plurals and rejects broken ones', () => {
		expect(isValidMessage(answers)).toBe(true);
		expect(isValidMessage('Gewoon {name}')).toBe(true);
		expect(isValidMessage('{count, plural, one {# antwoord}}')).toBe(false); // no other
		expect(isValidMessage('{count, plural, one {# antwoord} other {# antwoorden}')).toBe(false);
		expect(isValidMessage('{count, plural, een {# antwoord} other {# antwoorden}}')).toBe(false);
	});
});
