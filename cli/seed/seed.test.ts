// The demo surveys stay open on any day the demo runs, long after their files' dates.
import { describe, expect, it } from 'vitest';
import { closesAt, opensAt } from '../../surveys/dates.ts';
import { contentHash, findSurveyFiles, loadSurveys } from '../../surveys/load.ts';
import { parseSurveyDefinition } from '../../surveys/schema.ts';
import { statusFor } from '../surveys/publish.ts';
import { DEMO_SURVEY_DIR, keepDemoOpen } from './seed.ts';

const { surveys } = await loadSurveys(await findSurveyFiles(DEMO_SURVEY_DIR));
const DAY = 24 * 60 * 60 * 1000;
const span = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

describe('keepDemoOpen', () => {
	it('finds the three demo surveys', () => {
		expect(surveys.map((s) => s.slug).sort()).toEqual([
			'kruispunt-rondpunt-of-verkeerslichten',
			'plein-consultatie',
			'tevredenheid-webpunt'
		]);
	});

	// Long after the files' closing day, before their opening day, and years later.
	for (const day of ['2027-06-15T09:00:00Z', '2026-01-10T23:30:00Z', '2031-03-30T12:00:00Z']) {
		it(`moves every demo survey by whole days so it is open on ${day}, keeping its length`, () => {
			const now = new Date(day);
			for (const original of surveys) {
				const { survey, days } = keepDemoOpen(original, now);
				const before = original.definition;
				const after = survey.definition;
				expect(days, original.slug).not.toBe(0);
				expect(statusFor(survey, now), original.slug).toBe('open');
				expect(opensAt(after.opens!)).toBeLessThanOrEqual(now.getTime());
				expect(closesAt(after.closes!)).toBeGreaterThan(now.getTime());
				expect(span(after.opens!, after.closes!)).toBe(span(before.opens!, before.closes!));
				expect(span(after.closes!, after.resultsAt!)).toBe(span(before.closes!, before.resultsAt!));
				expect(span(before.opens!, after.opens!)).toBe(days);
				// Still a valid survey, with the hash of what is stored.
				expect(parseSurveyDefinition(after).ok).toBe(true);
				expect(survey.hash).toBe(contentHash(after));
			}
		});
	}

	it('leaves a demo survey that is open today as its file says', () => {
		const original = surveys[0];
		const during = new Date(closesAt(original.definition.closes!) - DAY);
		expect(keepDemoOpen(original, during)).toEqual({ survey: original, days: 0 });
	});
});
