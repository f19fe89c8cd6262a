// Labels for the codes a decision carries. Themes are open-ended (an import may
// bring new ones): a theme without a translation shows its own name.
import nl from '$lib/i18n/messages/nl';
import { t, type MessageKey } from '$lib/i18n/i18n.svelte';

export function themeLabel(code: string): string {
	const key = `decisions.theme.${code}`;
	return key in nl ? t(key as MessageKey) : code.replace(/-/g, ' ');
}

export function bodyLabel(body: string): string {
	return t(`decisions.body.${body}` as MessageKey);
}

export function districtLabel(district: string): string {
	return t(`district.${district}` as MessageKey);
}

/** The themes with a translation: the editor offers these. */
export const KNOWN_THEMES = Object.keys(nl)
	.filter((key) => key.startsWith('decisions.theme.'))
	.map((key) => key.slice('decisions.theme.'.length));
