// When a survey takes answers, in the city's time (Europe/Brussels). A bare
// date (`closes: 2027-03-31`, which PocketBase stores as midnight UTC) means a
// whole day in Antwerp: open from the start of the opening day through the end
// of the closing day. A date-time is that exact moment, except one at exactly
// midnight UTC, which cannot be told apart from a stored bare date and so counts
// as one. Pure and without Intl (PocketBase's goja runtime has none): the CLI
// (`statusFor`) and the server's acceptance check use this one module.

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last Sunday of a month (0-based) at 01:00 UTC: when EU clocks change. */
function lastSundayChange(year: number, month: number): number {
	const lastDay = new Date(Date.UTC(year, month + 1, 0));
	return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Whether Belgium is on summer time (UTC+2) at a moment; otherwise UTC+1. */
function summerTime(utc: number): boolean {
	const year = new Date(utc).getUTCFullYear();
	return utc >= lastSundayChange(year, 2) && utc < lastSundayChange(year, 9);
}

/**
 * The moment a day starts in the city. Clocks change at 01:00 UTC, never
 * between the city's midnight and midnight UTC, so either offset will do.
 */
function cityMidnight(year: number, month: number, day: number): number {
	const utcMidnight = Date.UTC(year, month - 1, day);
	return utcMidnight - (summerTime(utcMidnight) ? 2 : 1) * HOUR_MS;
}

/** The calendar day a value names when it is a (stored) bare date, else null. */
function bareDay(value: string): [number, number, number] | null {
	const text = value.trim();
	const bare = BARE_DATE.exec(text);
	if (bare) return [Number(bare[1]), Number(bare[2]), Number(bare[3])];
	const moment = Date.parse(text.replace(' ', 'T'));
	if (Number.isNaN(moment) || moment % DAY_MS !== 0) return null;
	const date = new Date(moment);
	return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/** The first moment a survey takes answers (NaN when the value is not a date). */
export function opensAt(value: string): number {
	const day = bareDay(value);
	return day ? cityMidnight(day[0], day[1], day[2]) : Date.parse(value.trim().replace(' ', 'T'));
}

/** The first moment a survey no longer takes answers: after the whole closing day. */
export function closesAt(value: string): number {
	const day = bareDay(value);
	return day
		? cityMidnight(day[0], day[1], day[2] + 1)
		: Date.parse(value.trim().replace(' ', 'T'));
}

export type SurveyPhase = 'scheduled' | 'open' | 'closed';

/**
 * Where a survey stands for residents at a moment: scheduled (published but opening later, or
 * not published yet), open, or closed (by staff or by its closing date). Missing dates set no limit.
 */
export function surveyPhase(
	survey: { status: string; opens?: string; closes?: string },
	now = Date.now()
): SurveyPhase {
	if (survey.status !== 'open') return survey.status === 'closed' ? 'closed' : 'scheduled';
	if (survey.closes && now >= closesAt(survey.closes)) return 'closed';
	if (survey.opens && now < opensAt(survey.opens)) return 'scheduled';
	return 'open';
}
