// The demo's journey events: valid as the server takes them, over, and telling a story
// the staff page can show (people stop at the map on the kiosk without help).
import { describe, expect, it } from 'vitest';
import { LogBuilder } from '../journeys/analysis/event-log.ts';
import { funnel } from '../journeys/analysis/funnel.ts';
import { DEMO_ID_PREFIX, demoJourneyEvents } from './demo-journeys.ts';

const now = new Date('2026-11-29T10:00:00Z');
const events = demoJourneyEvents(now);
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('demo journey events', () => {
	it('are the same on every run, in the form the server takes', () => {
		expect(demoJourneyEvents(now)).toEqual(events);
		for (const event of events) {
			expect(event.journeyId).toMatch(UUID_V4);
			expect(event.journeyId.startsWith(DEMO_ID_PREFIX)).toBe(true);
			expect(event.detail === undefined).toBe(event.type !== 'error');
		}
	});

	it('lie within the last four weeks and are over: none in the last hour', () => {
		const times = events.map((event) => Date.parse(event.at));
		expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 29 * 86_400_000);
		expect(Math.max(...times)).toBeLessThan(now.getTime() - 3_600_000);
	});

	it('show more people stopping at the map on the kiosk without help than on the website', () => {
		const meldingen = events.filter((event) => event.process === 'melding');
		const lostAtMap = (keep: (event: (typeof events)[number]) => boolean) => {
			const builder = new LogBuilder();
			for (const event of meldingen.filter(keep))
				builder.add(event.journeyId, event.step, Date.parse(event.at));
			const steps = funnel(builder.finish(), { steps: ['what', 'where', 'details'] }).steps;
			return steps[2].dropped / steps[1].reached;
		};
		const kiosk = lostAtMap((event) => event.channel === 'kiosk' && !event.assisted);
		const web = lostAtMap((event) => event.channel === 'web');
		expect(kiosk).toBeGreaterThan(web);
		expect(meldingen.some((event) => event.type === 'complete')).toBe(true);
		expect(events.some((event) => event.process === 'survey:tevredenheid-webpunt')).toBe(true);
	});
});
