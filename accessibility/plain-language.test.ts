// The Dutch interface texts at B1 level (issue 9): the survey linter's rules
// over every Dutch message file. A flagged text is rewritten, or listed below
// with the reason it stays.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDutchMessages } from '../surveys/plain-language.ts';

const DIR = path.resolve(import.meta.dirname, '../web/lib/i18n/messages/nl');

/** Long words that are names a resident meets elsewhere too; splitting them would confuse. */
const ALLOWED_WORDS = [
	// The legal name of the page every public website must have, and its topic.
	'toegankelijkheidsverklaring',
	'toegankelijkheid',
	// The official name of a district's executive, as on the district's own letters.
	'districtscollege',
	// A theme's name in the city's theme list, which decisions are filtered on.
	'verkeersveiligheid',
	// Two everyday words; the label other walks and tests know the address field by.
	'plaatsbeschrijving'
];

/** Texts that stay as they are, by key and rule, with the reason. */
const EXCEPTIONS: { key: string; rule: string; reason: string }[] = [
	{
		key: 'privacy.journeys.holds',
		rule: 'long_sentence',
		reason:
			'a list of the fields kept, read item by item; splitting it would hide that it is complete'
	}
];

const files = readdirSync(DIR).filter((file) => file.endsWith('.json'));

describe('plain Dutch in the interface', () => {
	const flagged = files.flatMap((file) =>
		checkDutchMessages(JSON.parse(readFileSync(path.join(DIR, file), 'utf8')), {
			allowWords: ALLOWED_WORDS
		}).map((issue) => ({ file, ...issue }))
	);

	it('reads every Dutch message file', () => {
		expect(files.length).toBeGreaterThan(5);
	});

	it('has no text the plain-language rules flag, except the ones explained here', () => {
		const unexplained = flagged
			.filter((issue) => !EXCEPTIONS.some((e) => e.key === issue.key && e.rule === issue.rule))
			.map((issue) => `${issue.file} ${issue.key} ${issue.rule}: ${issue.excerpt}`);
		expect(unexplained).toEqual([]);
	});

	it('keeps no exception that is no longer needed', () => {
		const stale = EXCEPTIONS.filter(
			(e) => !flagged.some((issue) => issue.key === e.key && issue.rule === e.rule)
		);
		expect(stale).toEqual([]);
	});
});
