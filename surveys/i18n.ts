// Picks the right language from a survey text. Pure, so web, CLI and server can share it.
import { collectTexts, type LocalizedText, type SurveyDefinition } from './schema.ts';

export const FALLBACK_LANGUAGE = 'nl';

export interface PickedText {
	text: string;
	/** The language actually used. */
	lang: string;
	/** True when the wished language was missing and another was used: the UI can say so. */
	fellBack: boolean;
}

/**
 * The text in `lang` (e.g. `fr-BE` tries `fr-BE`, then `fr`), else in Dutch.
 * `lang` should be a BCP 47 tag as the app stores it; matching ignores case.
 */
export function pickText(text: LocalizedText, lang: string): PickedText {
	const wanted = lang.trim();
	const keys = Object.keys(text);
	const find = (tag: string): string | undefined =>
		keys.find((k) => k.toLowerCase() === tag.toLowerCase());
	const exact = wanted === '' ? undefined : find(wanted);
	if (exact !== undefined) return { text: text[exact], lang: exact, fellBack: false };
	const base = wanted.split('-')[0];
	const primary = base === '' ? undefined : find(base);
	if (primary !== undefined) return { text: text[primary], lang: primary, fellBack: false };
	return {
		text: text[FALLBACK_LANGUAGE],
		lang: FALLBACK_LANGUAGE,
		fellBack: base.toLowerCase() !== FALLBACK_LANGUAGE
	};
}

/** Shorthand when the caller does not care whether it fell back. */
export function localize(text: LocalizedText, lang: string): string {
	return pickText(text, lang).text;
}

/**
 * Languages in which every text of the survey exists, `nl` first: offer these in the survey's
 * language menu; in any other language some texts would show in Dutch.
 */
export function completeLanguages(def: SurveyDefinition): string[] {
	const entries = collectTexts(def);
	const candidates = Object.keys(def.title);
	const complete = candidates.filter((lang) => entries.every((e) => e.text[lang] !== undefined));
	return [FALLBACK_LANGUAGE, ...complete.filter((l) => l !== FALLBACK_LANGUAGE).sort()];
}

export interface MissingTranslation {
	lang: string;
	entries: ReturnType<typeof collectTexts>;
}

/** For each language used anywhere in the survey, the texts that lack it. */
export function missingTranslations(def: SurveyDefinition): MissingTranslation[] {
	const entries = collectTexts(def);
	const used = new Set<string>();
	for (const e of entries) for (const lang of Object.keys(e.text)) used.add(lang);
	used.delete(FALLBACK_LANGUAGE);
	const out: MissingTranslation[] = [];
	for (const lang of [...used].sort()) {
		const missing = entries.filter((e) => e.text[lang] === undefined);
		if (missing.length > 0) out.push({ lang, entries: missing });
	}
	return out;
}
