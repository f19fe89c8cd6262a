// The interface's words. Dutch is bundled; the other languages load on demand
// so that a resident on a slow phone downloads one language only.
import nl from './messages/nl.ts';
import {
	DEFAULT_LANGUAGE,
	directionOf,
	fromBrowser,
	isLanguage,
	type Language
} from './languages.ts';

export type MessageKey = keyof typeof nl;
type Messages = Record<MessageKey, string>;

// Each other language is one lazily loaded chunk of all its area files.
const areaFiles = import.meta.glob<Partial<Messages>>('./messages/*/*.json', { import: 'default' });

async function load(language: Language): Promise<Messages> {
	if (language === 'nl') return nl;
	const areas = Object.entries(areaFiles).filter(([file]) =>
		file.startsWith(`./messages/${language}/`)
	);
	const parts = await Promise.all(areas.map(([, loadArea]) => loadArea()));
	return Object.assign({}, nl, ...parts) as Messages;
}

const STORAGE_KEY = 'stadsstem.language';

class Locale {
	language = $state<Language>(DEFAULT_LANGUAGE);
	messages = $state<Messages>(nl);

	async set(language: Language, remember = true): Promise<void> {
		this.messages = await load(language);
		this.language = language;
		document.documentElement.lang = language;
		document.documentElement.dir = directionOf(language);
		if (remember) {
			try {
				localStorage.setItem(STORAGE_KEY, language);
			} catch {
				// Private browsing may refuse storage; the choice then lasts this visit.
			}
		}
	}

	/** The resident's earlier choice, else the browser's languages. */
	async restore(remember = true): Promise<void> {
		let stored: string | null;
		try {
			stored = remember ? localStorage.getItem(STORAGE_KEY) : null;
		} catch {
			stored = null;
		}
		const language = isLanguage(stored) ? stored : fromBrowser(navigator.languages ?? []);
		if (language !== this.language || language !== DEFAULT_LANGUAGE)
			await this.set(language, false);
	}
}

export const locale = new Locale();

/** Translates a key, filling `{name}` placeholders. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
	const template = locale.messages[key] ?? nl[key] ?? key;
	return template.replace(/\{(\w+)\}/g, (match, name: string) =>
		name in params ? String(params[name]) : match
	);
}

/** Formats a date for the current language, e.g. "31 maart 2027". */
export function formatDate(value: string | Date): string {
	// A timestamp, not a Date object: nothing here needs to react to changes.
	const date = typeof value === 'string' ? Date.parse(value) : value;
	return new Intl.DateTimeFormat(locale.language === 'nl' ? 'nl-BE' : locale.language, {
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(date);
}
