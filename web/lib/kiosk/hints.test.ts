import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import nl from '../i18n/messages/nl/kiosk.json' with { type: 'json' };
import { helperHint } from './hints.ts';

/** Every page a resident can reach in the kiosk: all routes but the staff pages. */
function residentRoutes(): string[] {
	const routes = path.join(import.meta.dirname, '../../routes');
	return (
		readdirSync(routes, { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('+page.svelte'))
			.map((file) => path.dirname(file).split(path.sep).join('/'))
			.map((folder) => (folder === '.' ? '/' : `/${folder}`))
			.filter((route) => !route.startsWith('/medewerkers'))
			// The landing page of email links: never opened on a kiosk.
			.filter((route) => route !== '/beslissingen/volgen')
	);
}

const none = new URLSearchParams();

describe('helper hints in assisted mode', () => {
	it('has a tip of its own for every page a resident can reach', () => {
		const routes = residentRoutes();
		expect(routes).toContain('/melden');
		for (const route of routes) expect(helperHint(route, none), route).not.toBe('kiosk.hint.other');
		const tips = routes.map((route) => helperHint(route, none));
		expect(new Set(tips).size).toBe(tips.length);
	});

	it('follows the survey step by step: intro, a question, the review, the thank-you page', () => {
		const at = (query: string) => helperHint('/bevraging/[slug]', new URLSearchParams(query));
		const steps = [at(''), at('vraag=q1'), at('stap=controle'), at('stap=bedankt')];
		expect(steps).toEqual([
			'kiosk.hint.surveyIntro',
			'kiosk.hint.surveyQuestion',
			'kiosk.hint.surveyReview',
			'kiosk.hint.surveyThanks'
		]);
	});

	it('tells the start screen from its list of surveys', () => {
		expect(helperHint('/', none)).toBe('kiosk.hint.start');
		expect(helperHint('/', new URLSearchParams('scherm=mening'))).toBe('kiosk.hint.surveys');
	});

	it('falls back to a general tip elsewhere, and every tip has its words', () => {
		expect(helperHint('/medewerkers', none)).toBe('kiosk.hint.other');
		expect(helperHint(null, none)).toBe('kiosk.hint.other');
		const keys = Object.keys(nl).filter((key) => key.startsWith('kiosk.hint.'));
		expect(keys.length).toBeGreaterThanOrEqual(15);
		for (const route of [...residentRoutes(), '/medewerkers'])
			expect(keys).toContain(helperHint(route, none));
	});
});
