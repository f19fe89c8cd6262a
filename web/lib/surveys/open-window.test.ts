import { describe, expect, it } from 'vitest';
import { closesAt, opensAt, surveyPhase } from './open-window';

const at = (iso: string) => Date.parse(iso);

describe('a bare date is a whole day in Antwerp', () => {
	it('closes at the end of the closing day, Brussels time, in winter (UTC+1) and summer (UTC+2)', () => {
		expect(closesAt('2027-03-01 00:00:00.000Z')).toBe(at('2027-03-01T23:00:00Z'));
		expect(closesAt('2027-07-15 00:00:00.000Z')).toBe(at('2027-07-15T22:00:00Z'));
		expect(closesAt('2027-03-31')).toBe(at('2027-03-31T22:00:00Z'));
	});

	it('handles the days the clocks change and the end of a month or year', () => {
		// Summer time starts on 28 March 2027: that day starts at UTC+1 and ends at UTC+2.
		expect(opensAt('2027-03-28')).toBe(at('2027-03-27T23:00:00Z'));
		expect(closesAt('2027-03-28')).toBe(at('2027-03-28T22:00:00Z'));
		// Winter time starts on 31 October 2027.
		expect(opensAt('2027-10-31')).toBe(at('2027-10-30T22:00:00Z'));
		expect(closesAt('2027-10-31')).toBe(at('2027-10-31T23:00:00Z'));
		expect(closesAt('2026-12-31 00:00:00.000Z')).toBe(at('2026-12-31T23:00:00Z'));
	});

	it('opens at the start of the opening day, Brussels time', () => {
		expect(opensAt('2026-11-01 00:00:00.000Z')).toBe(at('2026-10-31T23:00:00Z'));
	});

	it('takes a value with a time of day as that exact moment', () => {
		expect(closesAt('2027-03-31 15:30:00.000Z')).toBe(at('2027-03-31T15:30:00Z'));
		expect(opensAt('2027-03-31T08:00:00Z')).toBe(at('2027-03-31T08:00:00Z'));
	});
});

describe('surveyPhase', () => {
	const survey = { status: 'open' as const, opens: '2026-11-01', closes: '2027-03-31' };

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
