/**
 * Demo journey events (DESIGN.md §7), so that "Waar haken mensen af?" has something to show on a
 * fresh demo: attempts at filing a melding and at the webpunt survey over the last four weeks, on
 * the website, the app and the kiosk (half of the kiosk attempts assisted), in the four languages,
 * with people stopping more often where real people tend to: placing a melding on the map
 * without help, leaving contact details, the multiple-choice question. Drawn from a seeded random
 * source, so every demo tells the same story; nothing here is about a real person.
 */
import { random } from '../journeys/fixtures/journey-generator.ts';

export interface DemoJourneyEvent {
	journeyId: string;
	process: string;
	step: string;
	type: 'start' | 'step' | 'error' | 'complete';
	at: string;
	channel: 'web' | 'app' | 'kiosk';
	assisted: boolean;
	language: string;
	detail?: string;
}

interface DemoProcess {
	process: string;
	attempts: number;
	/** The steps in order; the last one is the completion. */
	steps: readonly string[];
	/** Chance to stop before reaching `step`, given channel and help. */
	stopBefore: (step: string, channel: string, assisted: boolean) => number;
	/** An error code met at `step`, or undefined. */
	errorAt: (
		step: string,
		channel: string,
		assisted: boolean,
		rand: () => number
	) => string | undefined;
}

const MELDING: DemoProcess = {
	process: 'melding',
	attempts: 60,
	steps: ['what', 'where', 'details', 'contact', 'review', 'done'],
	stopBefore: (step, channel, assisted) =>
		step === 'details'
			? channel === 'kiosk' && !assisted
				? 0.35
				: 0.1
			: step === 'review'
				? 0.15
				: 0.04,
	errorAt: (step, channel, assisted, rand) =>
		step === 'where' && rand() < (channel === 'kiosk' && !assisted ? 0.6 : 0.15) ? 'map' : undefined
};

const WEBPUNT_SURVEY: DemoProcess = {
	process: 'survey:tevredenheid-webpunt',
	attempts: 50,
	steps: [
		'start',
		'webpunt',
		'hulp_bij',
		'tevreden',
		'gelukt',
		'volgende_keer_alleen',
		'tip',
		'controle',
		'bedankt'
	],
	stopBefore: (step) => (step === 'tevreden' ? 0.12 : step === 'bedankt' ? 0.02 : 0.03),
	errorAt: (step, _channel, _assisted, rand) =>
		step === 'hulp_bij' && rand() < 0.2 ? 'required' : undefined
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** A fixed id prefix makes the demo's journeys easy to recognise (and to find when seeding again). */
export const DEMO_ID_PREFIX = '00000000-0000-4000-8000-';

function demoJourneyId(process: number, attempt: number): string {
	return `${DEMO_ID_PREFIX}${String(process * 10_000 + attempt).padStart(12, '0')}`;
}

/** The demo's events, attempts spread over the 28 days before `now`, oldest first. */
export function demoJourneyEvents(now: Date): DemoJourneyEvent[] {
	const rand = random(2026);
	const events: DemoJourneyEvent[] = [];
	[MELDING, WEBPUNT_SURVEY].forEach((demo, p) => {
		for (let n = 0; n < demo.attempts; n++) {
			const roll = rand();
			const channel: DemoJourneyEvent['channel'] =
				roll < 0.55 ? 'web' : roll < 0.8 ? 'app' : 'kiosk';
			const assisted = channel === 'kiosk' && rand() < 0.5;
			const language = ['nl', 'nl', 'nl', 'nl', 'nl', 'nl', 'en', 'fr', 'ar', 'nl'][
				Math.floor(rand() * 10)
			];
			// At least an hour old: on the staff page these attempts are over, not still busy.
			let at = now.getTime() - DAY_MS * 28 * ((demo.attempts - n) / demo.attempts) - 3_600_000;
			const base = {
				journeyId: demoJourneyId(p + 1, n),
				process: demo.process,
				channel,
				assisted,
				language
			};
			for (const [i, step] of demo.steps.entries()) {
				if (i > 0 && rand() < demo.stopBefore(step, channel, assisted)) break;
				const last = i === demo.steps.length - 1;
				const type = i === 0 ? 'start' : last ? 'complete' : 'step';
				events.push({ ...base, step, type, at: new Date(at).toISOString() });
				at += 20_000 + Math.floor(rand() * 70_000);
				const error = demo.errorAt(step, channel, assisted, rand);
				if (error) {
					events.push({
						...base,
						step,
						type: 'error',
						detail: error,
						at: new Date(at).toISOString()
					});
					at += 15_000 + Math.floor(rand() * 30_000);
				}
			}
		}
	});
	return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
