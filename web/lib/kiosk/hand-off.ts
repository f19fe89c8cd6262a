// QR hand-off: what a resident takes home from the kiosk is a link to the
// citizen site (served by the same server, without the /kiosk base), which
// their own phone opens and remembers; the kiosk itself remembers nothing.

/** The absolute address of a citizen page, e.g. `/melding/ABCD2345`. */
export function citizenUrl(path: string, origin = location.origin): string {
	return new URL(path, origin).href;
}

/** Where a melding is followed on one's own phone. */
export function meldingStatusPath(code: string): string {
	return `/melding/${encodeURIComponent(code)}`;
}

/** Where a survey's results appear. */
export function surveyResultsPath(slug: string): string {
	return `/bevraging/${encodeURIComponent(slug)}/resultaten`;
}
