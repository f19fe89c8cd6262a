// The facts of the accessibility statement, kept apart from its words so that
// the accessibility suite can hold them to account: every exception it allows
// must be one of these known gaps (accessibility/exceptions.test.ts).
import type { MessageKey } from '$lib/i18n/i18n.svelte';

/** Known gaps, each with the alternative a resident has; the order of the page. */
export const STATEMENT_GAPS = [
	'statement.gaps.map',
	'statement.gaps.voice',
	'statement.gaps.photos',
	'statement.gaps.language'
] as const satisfies readonly MessageKey[];

export type StatementGap = (typeof STATEMENT_GAPS)[number];

/**
 * Where residents report a barrier. The demo uses the platform's own domain;
 * a city sets its accessibility contact here before it goes live.
 */
export const STATEMENT_CONTACT = {
	email: 'toegankelijkheid@stadsstem.local',
	phone: '03 22 11 333',
	ombudsman: 'https://www.vlaamseombudsdienst.be'
};

/** Made, and last checked against the suite's results and CHECKLIST.md. */
export const STATEMENT_DATES = { made: '2026-11-29', checked: '2026-11-29' };
