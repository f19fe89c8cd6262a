// When a survey takes answers. A bare date (what the YAML's `opens: 2026-11-01`
// becomes in PocketBase: midnight UTC) means a whole day in Antwerp: open from
// the start of the opening day through the end of the closing day, Europe/Brussels
// time. A value with another time of day is taken as that exact moment.
import type { SurveyRecord } from '$lib/api/records';

export type SurveyPhase = 'scheduled' | 'open' | 'closed';

const CITY_TIME_ZONE = 'Europe/Brussels';
const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$/;

let cityClock: Intl.DateTimeFormat | undefined;

/** How far the city's clock is ahead of UTC at a moment, in milliseconds. */
function cityOffset(utc: number): number {
	cityClock ??= new Intl.DateTimeFormat('en-US', {
		timeZone: CITY_TIME_ZONE,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric'
	});
	const part = Object.fromEntries(
		cityClock.formatToParts(utc).map(({ type, value }) => [type, Number(value)])
	);
	const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
	return wall - Math.floor(utc / 1000) * 1000;
}

/**
 * The moment a day starts in the city. Clocks change at 01:00 UTC, never at
 * midnight UTC, so the offset at midnight UTC is the one at the city's midnight.
 */
function cityMidnight(year: number, month: number, day: number): number {
	const utcMidnight = Date.UTC(year, month - 1, day);
	return utcMidnight - cityOffset(utcMidnight);
}

/** The first moment a survey takes answers (NaN when the value is not a date). */
export function opensAt(value: string): number {
	const bare = BARE_DATE.exec(value.trim());
	return bare ? cityMidnight(+bare[1], +bare[2], +bare[3]) : Date.parse(value);
}

/** The first moment a survey no longer takes answers: after the whole closing day. */
export function closesAt(value: string): number {
	const bare = BARE_DATE.exec(value.trim());
	return bare ? cityMidnight(+bare[1], +bare[2], +bare[3] + 1) : Date.parse(value);
}

/** Scheduled (published, opens later), open now, or closed (or not published). */
export function surveyPhase(
	survey: Pick<SurveyRecord, 'status' | 'opens' | 'closes'>,
	now = Date.now()
): SurveyPhase {
	if (survey.status !== 'open') return survey.status === 'closed' ? 'closed' : 'scheduled';
	if (survey.closes && now >= closesAt(survey.closes)) return 'closed';
	if (survey.opens && now < opensAt(survey.opens)) return 'scheduled';
	return 'open';
}
