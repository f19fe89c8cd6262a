// The status an import gives a survey, from its dates.
import { describe, expect, it } from 'vitest';
import type { LoadedSurvey } from '../../surveys/load.ts';
import { loadedSurvey, rawSurvey } from '../../surveys/test-fixtures.ts';
import { statusFor } from './publish.ts';

function survey(dates: { opens: string; closes: string }): LoadedSurvey {
	return loadedSurvey({ ...rawSurvey(), ...dates, resultsAt: '2030-01-01' });
}

describe('statusFor', () => {
	const winter = survey({ opens: '2026-12-01', closes: '2026-12-31' });

	it('a survey that opens later is published as open (scheduled), not hidden as a draft', () => {
		expect(statusFor(winter, new Date('2026-11-29T12:00:00Z'))).toBe('open');
	});

	it('is open during its dates', () => {
		expect(statusFor(winter, new Date('2026-12-15T12:00:00Z'))).toBe('open');
	});

	it('a bare closing date lasts to the end of that day in Antwerp (UTC+1 in winter)', () => {
		expect(statusFor(winter, new Date('2026-12-31T22:59:59.999Z'))).toBe('open');
		expect(statusFor(winter, new Date('2026-12-31T23:00:00Z'))).toBe('closed');
	});

	it('and in summer time (UTC+2)', () => {
		const spring = survey({ opens: '2027-03-01', closes: '2027-03-31' });
		expect(statusFor(spring, new Date('2027-03-31T21:59:59.999Z'))).toBe('open');
		expect(statusFor(spring, new Date('2027-03-31T22:00:00Z'))).toBe('closed');
	});

	it('a closing date-time is that very moment', () => {
		const exact = survey({ opens: '2026-12-01', closes: '2026-12-31T17:00:00+01:00' });
		expect(statusFor(exact, new Date('2026-12-31T15:59:59Z'))).toBe('open');
		expect(statusFor(exact, new Date('2026-12-31T16:00:00Z'))).toBe('closed');
	});
});
