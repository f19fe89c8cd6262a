// The helper's tip in assisted mode, for the screen and the step the resident
// is on: what to do together here, said in one or two sentences.
import type { MessageKey } from '$lib/i18n/i18n.svelte';

export type HintKey = Extract<MessageKey, `kiosk.hint.${string}`>;

/**
 * The tip for a route (SvelteKit's route id, e.g. `/bevraging/[slug]`) and its
 * query, which holds the survey's step (`vraag`, `stap`) and the start
 * screen's sub-screen (`scherm`).
 */
export function helperHint(routeId: string | null, search: URLSearchParams): HintKey {
	switch (routeId) {
		case '/':
			return search.get('scherm') === 'mening' ? 'kiosk.hint.surveys' : 'kiosk.hint.start';
		case '/bevraging/[slug]': {
			const step = search.get('stap');
			if (step === 'bedankt') return 'kiosk.hint.surveyThanks';
			if (step === 'controle') return 'kiosk.hint.surveyReview';
			return search.has('vraag') ? 'kiosk.hint.surveyQuestion' : 'kiosk.hint.surveyIntro';
		}
		case '/bevraging/[slug]/resultaten':
			return 'kiosk.hint.results';
		case '/melden':
			return 'kiosk.hint.report';
		case '/melding':
			return 'kiosk.hint.lookup';
		case '/melding/[code]':
			return 'kiosk.hint.status';
		case '/beslissingen':
			return 'kiosk.hint.decisions';
		case '/beslissingen/[slug]':
			return 'kiosk.hint.decision';
		case '/privacy':
			return 'kiosk.hint.privacy';
		case '/mijn-gegevens':
			return 'kiosk.hint.myData';
		case '/toegankelijkheid':
			return 'kiosk.hint.accessibility';
		default:
			return 'kiosk.hint.other';
	}
}
