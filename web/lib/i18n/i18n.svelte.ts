// The interface's words. A phone's first load carries only the words of the
// home page and the layout in Dutch (the "shell", see shell.ts); every other
// page's words, and every other language, load on demand before the page that
// shows them, so a resident on a slow phone downloads what they read.

// Dutch shell words are in the first load: the default language renders at once.
import dutchShell from 'virtual:stadsstem-message-shell/nl';
import type nl from './messages/nl.ts';
import { formatMessage, type MessageParams } from './format.ts';
import {
	DEFAULT_LANGUAGE,
	directionOf,
	fromBrowser,
	isLanguage,
	type Language
} from './languages.ts';

export type MessageKey = keyof typeof nl;
type Messages = Record<MessageKey, string>;
type Part = Partial<Messages>;

// Other languages: their shell words in one small chunk, all their words per area.
const otherShells: Record<Exclude<Language, 'nl'>, () => Promise<{ default: Part }>> = {
	en: () => import('virtual:stadsstem-message-shell/en'),
	fr: () => import('virtual:stadsstem-message-shell/fr'),
	ar: () => import('virtual:stadsstem-message-shell/ar')
};
const otherAreas = import.meta.glob<Part>(['./messages/*/*.json', '!./messages/nl/*.json'], {
	import: 'default'
});

async function load(language: Language, all: boolean): Promise<Messages> {
	const dutch = (all ? (await import('./messages/nl.ts')).default : dutchShell) as Messages;
	if (language === 'nl') return dutch;
	const parts = all
		? await Promise.all(
				Object.entries(otherAreas)
					.filter(([file]) => file.startsWith(`./messages/${language}/`))
					.map(([, loadArea]) => loadArea())
			)
		: [(await otherShells[language]()).default];
	// Dutch underneath: a word not yet translated reads in Dutch, never as its key.
	return Object.assign({}, dutch, ...parts) as Messages;
}

/** Only the home page of the citizen app makes do with the shell. */
function needsAll(routeId: string | null): boolean {
	return __STADSSTEM_VARIANT__ === 'kiosk' || routeId !== '/';
}

const STORAGE_KEY = 'stadsstem.language';

class Locale {
	language = $state<Language>(DEFAULT_LANGUAGE);
	messages = $state.raw<Messages>(dutchShell as Messages);
	#wanted: Language = DEFAULT_LANGUAGE;
	#all = false;
	#loaded = { language: DEFAULT_LANGUAGE as Language, all: false };
	#latest = 0;
	#restored = false;

	/** Loads what is wanted now; an answer that a later choice overtook is dropped. */
	async #apply(): Promise<void> {
		const language = this.#wanted;
		const all = this.#all;
		const call = ++this.#latest;
		if (this.#loaded.language === language && (this.#loaded.all || !all)) {
			this.#show(language);
			return;
		}
		const messages = await load(language, all);
		if (call !== this.#latest) return;
		this.messages = messages;
		this.#loaded = { language, all };
		this.#show(language);
	}

	#show(language: Language): void {
		this.language = language;
		document.documentElement.lang = language;
		document.documentElement.dir = directionOf(language);
	}

	async set(language: Language, remember = true): Promise<void> {
		this.#wanted = language;
		if (remember) {
			try {
				localStorage.setItem(STORAGE_KEY, language);
			} catch {
				// Private browsing may refuse storage; the choice then lasts this visit.
			}
		}
		await this.#apply();
	}

	/** The resident's earlier choice, else the browser's languages. */
	async restore(remember = true): Promise<void> {
		let stored: string | null;
		try {
			stored = remember ? localStorage.getItem(STORAGE_KEY) : null;
		} catch {
			stored = null;
		}
		await this.set(isLanguage(stored) ? stored : fromBrowser(navigator.languages ?? []), false);
	}

	/**
	 * Called before a page renders (the root layout's load): the first time it
	 * chooses the language, so the first screen is already in it (no text
	 * swapped after it showed), and it loads every word when the page needs more
	 * than the shell.
	 */
	async prepare(routeId: string | null): Promise<void> {
		if (needsAll(routeId)) this.#all = true;
		try {
			if (!this.#restored) {
				this.#restored = true;
				await this.restore();
			} else {
				await this.#apply();
			}
		} catch {
			// A lost connection must not stop the page: it shows with the words it
			// has (Dutch underneath), and the next page or a missing word tries again.
		}
	}

	#healing = false;

	/** A word that is not loaded yet was asked for: a safety net, the words follow. */
	missing(): void {
		if (this.#healing || this.#loaded.all) return;
		this.#all = true;
		this.#healing = true;
		// Never change state while a template reads it.
		queueMicrotask(
			() =>
				void this.#apply()
					.catch(() => {})
					.finally(() => (this.#healing = false))
		);
	}
}

export const locale = new Locale();

/** True when the key has a text (for codes from the server that may be new to this version). */
export function hasMessage(key: string): boolean {
	return key in locale.messages;
}

/**
 * Translates a key, filling `{name}` placeholders and choosing plural forms
 * (`{count, plural, one {# antwoord} other {# antwoorden}}`) for the current language.
 */
export function t(key: MessageKey, params: MessageParams = {}): string {
	const template = locale.messages[key];
	if (template === undefined) {
		locale.missing();
		return key;
	}
	return formatMessage(template, params, locale.language);
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
