import { describe, expect, it } from 'vitest';
import {
	checkDutchMessages,
	checkDutchText,
	JARGON,
	looksLikeParticiple,
	splitSentences,
	splitWords
} from './plain-language.ts';

const rules = (text: string) => checkDutchText(text).map((i) => `${i.rule}: ${i.excerpt}`);

describe('sentences and words', () => {
	it('splits on . ! ? and line breaks, not on abbreviations or decimals', () => {
		expect(splitSentences('Kom je? Ja! Dat is fijn.\nTot dan').map((s) => s.text)).toEqual([
			'Kom je?',
			'Ja!',
			'Dat is fijn.',
			'Tot dan'
		]);
		expect(splitSentences('Neem bv. de tram. Hij kost 2.5 euro.').map((s) => s.text)).toEqual([
			'Neem bv. de tram.',
			'Hij kost 2.5 euro.'
		]);
	});

	it('keeps offsets that point into the original text', () => {
		const text = 'Eerst dit.  Dan dat.';
		for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
		const words = splitWords(text);
		expect(words.map((w) => w.text)).toEqual(['Eerst', 'dit', 'Dan', 'dat']);
		expect(text.slice(words[2].start, words[2].end)).toBe('Dan');
	});

	it('ignores links, e-mail addresses and {placeholders}', () => {
		expect(
			splitWords(
				'Mail naar info@antwerpen.be of ga naar https://www.antwerpen.be/verkeersveiligheid voor {aantalDeelnemers}'
			).map((w) => w.text)
		).toEqual(['Mail', 'naar', 'of', 'ga', 'naar', 'voor']);
	});
});

describe('long sentences', () => {
	it('warns above 20 words and not at 20', () => {
		const twenty = Array.from({ length: 20 }, () => 'woord').join(' ') + '.';
		expect(rules(twenty)).toEqual([]);
		const long = `${twenty.slice(0, -1)} extra.`;
		expect(checkDutchText(long)).toMatchObject([
			{ rule: 'long_sentence', start: 0, end: long.length }
		]);
	});

	it('takes a custom limit', () => {
		expect(checkDutchText('Een twee drie vier.', { maxSentenceWords: 3 })[0].message).toContain(
			'4 words'
		);
	});
});

describe('long words', () => {
	it('warns about words above 15 letters', () => {
		expect(rules('De verkeersveiligheid is belangrijk.')).toEqual([
			'long_word: verkeersveiligheid'
		]);
		expect(rules('Er komen verkeerslichten.')).toEqual([]);
	});

	it('leaves names, numbers and allowed words alone; checks hyphenated parts one by one', () => {
		expect(rules('We gaan naar Berendrecht-Zandvliet-Lillo en de Sint-Bernardsesteenweg.')).toEqual(
			[]
		);
		expect(rules('Verkeersveiligheid eerst.')).toEqual(['long_word: Verkeersveiligheid']);
		expect(checkDutchText('Je identiteitskaart.', { allowWords: ['identiteitskaart'] })).toEqual(
			[]
		);
		expect(rules('Code 1234567890123456789.')).toEqual([]);
	});
});

describe('passive voice', () => {
	it('finds worden/wordt/werd with a participle, before or after it', () => {
		expect(rules('Het plein wordt volgend jaar aangelegd.')).toEqual([
			'passive_voice: wordt volgend jaar aangelegd'
		]);
		expect(rules('De resultaten worden in mei gepubliceerd op de website.')).toEqual([
			'passive_voice: worden in mei gepubliceerd'
		]);
		expect(rules('Als je aanvraag goedgekeurd wordt, krijg je een brief.')).toEqual([
			'passive_voice: goedgekeurd wordt'
		]);
		expect(rules('Het voorstel werd besproken.')).toEqual(['passive_voice: werd besproken']);
		expect(rules('Je gegevens worden goed bewaard.')).toEqual([
			'passive_voice: worden goed bewaard'
		]);
	});

	it('stays quiet on active sentences and look-alikes', () => {
		expect(rules('De stad legt het plein volgend jaar aan.')).toEqual([]);
		expect(rules('Het wordt een kruispunt met verkeerslichten.')).toEqual([]);
		expect(rules('Twee jaar geleden werd het gebied groen.')).toEqual([]);
		expect(rules('Het wordt beter, en je krijgt een bericht.')).toEqual([]);
	});

	it('recognises participle shapes', () => {
		for (const w of ['gemaakt', 'aangelegd', 'opgeslagen', 'verwerkt', 'besproken', 'ontvangen']) {
			expect(looksLikeParticiple(w), w).toBe(true);
		}
		for (const w of ['geen', 'gebied', 'verkeerslicht', 'geeft', 'worden', 'groen']) {
			expect(looksLikeParticiple(w), w).toBe(false);
		}
	});
});

describe('jargon', () => {
	it('finds the officialese words of the issue with their plain alternative', () => {
		const issues = checkDutchText(
			'Teneinde uw mening te kennen, vragen wij u middels dit formulier inzake het plein te antwoorden.'
		);
		expect(issues.map((i) => [i.excerpt, i.suggestion])).toEqual([
			['teneinde', 'om'],
			['middels', 'met'],
			['inzake', 'over']
		]);
	});

	it('finds phrases and inflected forms', () => {
		expect(rules('Met betrekking tot het plein: indien je wil, kan je het wijzigen.')).toEqual([
			'jargon: met betrekking tot',
			'jargon: indien',
			'jargon: wijzigen'
		]);
		expect(rules('We hebben het plan gewijzigd.')).toEqual(['jargon: gewijzigd']);
	});

	it('takes a custom list and has sane entries', () => {
		expect(
			checkDutchText('Dat is cool.', { jargon: [{ term: 'cool', alternative: 'fijn' }] })[0]
				.suggestion
		).toBe('fijn');
		for (const entry of JARGON) expect(entry.term).toBe(entry.term.toLowerCase());
	});
});

describe('message files', () => {
	it('checks every string of a nested message object with its key', () => {
		const issues = checkDutchMessages({
			survey: {
				submit: 'Verstuur',
				thanks: 'Je antwoord wordt bewaard.',
				list: ['Middels de knop.']
			},
			count: 3
		});
		expect(issues.map((i) => `${i.key} ${i.rule}`)).toEqual([
			'survey.thanks passive_voice',
			'survey.list[0] jargon'
		]);
	});
});
