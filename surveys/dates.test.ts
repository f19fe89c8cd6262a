import { describe, expect, it } from 'vitest';
import { closesAt, opensAt, surveyPhase } from './dates.ts';

const at = (iso: string) => Date.parse(iso);

/** The date in Antwerp at a moment, from Node's own time-zone data. */
const cityDate = (utc: number) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(utc);

describe('closesAt', () => {
	it('a bare closing date lasts to the end of that day in Antwerp (summer and winter time)', () => {
		expect(closesAt('2027-03-31')).toBe(at('2027-03-31T22:00:00Z'));
		expect(closesAt('2026-12-31')).toBe(at('2026-12-31T23:00:00Z'));
	});

	it('reads the form PocketBase stores a bare date in the same way', () => {
		expect(closesAt('2027-03-31 00:00:00.000Z')).toBe(at('2027-03-31T22:00:00Z'));
	});

	it('takes a date-time as that moment', () => {
		expect(closesAt('2027-03-31T17:00:00+02:00')).toBe(at('2027-03-31T15:00:00Z'));
		expect(closesAt('2027-03-31 15:00:00.000Z')).toBe(at('2027-03-31T15:00:00Z'));
	});

	it('is NaN for something that is not a date', () => {
		expect(closesAt('morgen')).toBeNaN();
	});
});

describe('opensAt', () => {
	it('a bare opening date starts at midnight in Antwerp', () => {
		expect(opensAt('2026-11-01')).toBe(at('2026-10-31T23:00:00Z'));
		expect(opensAt('2027-06-01 00:00:00.000Z')).toBe(at('2027-05-31T22:00:00Z'));
		expect(opensAt('2027-06-01T08:30:00Z')).toBe(at('2027-06-01T08:30:00Z'));
	});

	it('agrees with the time-zone database on every day from 2026 to 2030, clock changes included', () => {
		for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2031, 0, 1); day += 86_400_000) {
			const date = new Date(day).toISOString().slice(0, 10);
			const start = opensAt(date);
			expect(cityDate(start), date).toBe(date);
			expect(cityDate(start - 1), date).not.toBe(date);
			expect(cityDate(closesAt(date) - 1), date).toBe(date);
			expect(cityDate(closesAt(date)), date).not.toBe(date);
		}
	});
});

describe('surveyPhase', () => {
	const survey = { status: 'open', opens: '2026-11-01', closes: '2027-03-31' };

	it('is open from the first moment of the opening day to the last of the closing day', () => {
		expect(surveyPhase(survey, at('2026-10-31T22:59:59Z'))).toBe('scheduled');
		expect(surveyPhase(survey, at('2026-10-31T23:00:00Z'))).toBe('open');
		expect(surveyPhase(survey, at('2027-03-31T21:59:59Z'))).toBe('open');
		expect(surveyPhase(survey, at('2027-03-31T22:00:00Z'))).toBe('closed');
	});

	it('follows the status staff set, and takes missing dates as no limit', () => {
		const now = at('2027-01-10T12:00:00Z');
		expect(surveyPhase({ ...survey, status: 'closed' }, now)).toBe('closed');
		expect(surveyPhase({ ...survey, status: 'draft' }, now)).toBe('scheduled');
		expect(surveyPhase({ status: 'open', opens: '', closes: '' }, now)).toBe('open');
	});
});
