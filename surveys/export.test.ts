import { describe, expect, it } from 'vitest';
import { parseSurveyDefinition, type SurveyDefinition } from './schema.ts';
import { csvField, responsesToCsv } from './export.ts';

const parsed = parseSurveyDefinition({
	slug: 'test',
	title: { nl: 'Test' },
	intro: { nl: 'Intro' },
	estimatedMinutes: 1,
	opens: '2026-01-01',
	closes: '2026-12-31',
	resultsPublic: false,
	whatNext: { nl: 'Niets' },
	resultsAt: '2027-01-01',
	questions: [
		{ id: 'uitleg', type: 'info', label: { nl: 'Uitleg' } },
		{
			id: 'kleur',
			type: 'multiple_choice',
			label: { nl: 'Kleur' },
			options: [
				{ id: 'rood', label: { nl: 'Rood' } },
				{ id: 'blauw', label: { nl: 'Blauw' } }
			]
		},
		{ id: 'ok', type: 'yes_no', label: { nl: 'Ok?' } },
		{ id: 'waar', type: 'location', label: { nl: 'Waar?' } },
		{ id: 'tekst', type: 'long_text', label: { nl: 'Tekst' }, maxLength: 100 }
	]
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const definition: SurveyDefinition = parsed.value;

describe('responsesToCsv', () => {
	it('writes one column per answerable question, lists joined, booleans in Dutch, points as "lat lng"', () => {
		const csv = responsesToCsv(definition, [
			{
				created: '2026-11-28 10:00:00.000Z',
				channel: 'web',
				language: 'nl',
				assisted: false,
				surveyVersion: 1,
				answers: {
					kleur: ['blauw', 'rood'],
					ok: true,
					waar: { lat: 51.2, lng: 4.4 },
					tekst: 'Zeg "ja", nu'
				}
			}
		]);
		const [header, row] = csv.trimEnd().split('\r\n');
		expect(header).toBe('created,channel,language,assisted,surveyVersion,kleur,ok,waar,tekst');
		expect(row).toBe(
			'2026-11-28 10:00:00.000Z,web,nl,nee,1,"blauw;rood",ja,51.2 4.4,"Zeg ""ja"", nu"'
		);
	});

	it('leaves unanswered questions empty', () => {
		const csv = responsesToCsv(definition, [
			{
				created: 'x',
				channel: 'kiosk',
				language: 'fr',
				assisted: true,
				surveyVersion: 2,
				answers: {}
			}
		]);
		expect(csv.split('\r\n')[1]).toBe('x,kiosk,fr,ja,2,,,,');
	});

	it('keeps answers to questions only an earlier version had, in extra columns', () => {
		const csv = responsesToCsv(definition, [
			{
				created: 'v1',
				channel: 'web',
				language: 'nl',
				assisted: false,
				surveyVersion: 1,
				answers: { ok: false, oud: 'weg', ouder: 3 }
			},
			{
				created: 'v2',
				channel: 'web',
				language: 'nl',
				assisted: false,
				surveyVersion: 2,
				answers: { ok: true }
			}
		]);
		expect(csv.trimEnd().split('\r\n')).toEqual([
			'created,channel,language,assisted,surveyVersion,kleur,ok,waar,tekst,oud,ouder',
			'v1,web,nl,nee,1,,nee,,,weg,3',
			'v2,web,nl,nee,2,,ja,,,,'
		]);
	});
});

describe('csvField', () => {
	it('neutralises text a spreadsheet would run as a formula', () => {
		expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvField('+32 3 123')).toBe("'+32 3 123");
		expect(csvField('gewoon')).toBe('gewoon');
	});
});
