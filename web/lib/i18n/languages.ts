// The languages of the interface. Dutch is the default and the fallback;
// Arabic is there to prove right-to-left works everywhere.
export const LANGUAGES = [
	{ code: 'nl', name: 'Nederlands', dir: 'ltr' },
	{ code: 'en', name: 'English', dir: 'ltr' },
	{ code: 'fr', name: 'Français', dir: 'ltr' },
	{ code: 'ar', name: 'العربية', dir: 'rtl' }
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];
export const DEFAULT_LANGUAGE: Language = 'nl';

export function isLanguage(value: unknown): value is Language {
	return LANGUAGES.some((language) => language.code === value);
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
	return LANGUAGES.find((entry) => entry.code === language)?.dir ?? 'ltr';
}

/** The first of the browser's preferred languages that we speak, else Dutch. */
export function fromBrowser(preferred: readonly string[]): Language {
	for (const tag of preferred) {
		const base = tag.toLowerCase().split('-')[0];
		if (isLanguage(base)) return base;
	}
	return DEFAULT_LANGUAGE;
}
