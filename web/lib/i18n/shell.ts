// The words of the citizen home page and the layout around every page: the
// only messages a resident's phone downloads before the first screen (issue 10,
// budget of 60 kB of JavaScript). Every other word loads with the page that
// shows it. Read at build time by vite.config.ts, which filters the message
// files with it (`virtual:stadsstem-message-shell/<lang>`), and by the i18n loader.

/** Areas that are wholly part of the shell (small, and used by the layout). */
const SHELL_AREAS = ['common', 'home', 'offline'];

/** Keys of other areas that the home page or the layout shows. */
const SHELL_PREFIXES = [
	'pwa.update.',
	'decisions.home',
	'meldingen.home.',
	'privacy.footer.',
	// The open-survey cards.
	'survey.cityWide',
	'survey.district',
	'survey.closes',
	'survey.minutes',
	'survey.oneMinute'
];

export function isShellKey(area: string, key: string): boolean {
	return SHELL_AREAS.includes(area) || SHELL_PREFIXES.some((prefix) => key.startsWith(prefix));
}
