import { describe, expect, it } from 'vitest';
import { MIN_WARN_SECONDS, parseFragment } from './device.ts';

describe('the launcher fragment', () => {
	it('gives the token and the idle times', () => {
		expect(parseFragment('#kiosk=kt_abc&idle=90&assistedIdle=240&warn=45', null)).toEqual({
			token: 'kt_abc',
			idleSeconds: 90,
			assistedIdleSeconds: 240,
			warnSeconds: 45
		});
	});

	it('never gives less than 20 seconds to react to the idle warning', () => {
		expect(parseFragment('#warn=5', null)?.warnSeconds).toBe(MIN_WARN_SECONDS);
	});

	it('keeps what an earlier start gave when the fragment leaves it out', () => {
		const earlier = parseFragment('#kiosk=kt_abc&idle=90', null);
		expect(parseFragment('#idle=30', earlier)).toMatchObject({ token: 'kt_abc', idleSeconds: 30 });
	});

	it('is nothing for an ordinary in-page fragment', () => {
		expect(parseFragment('#main', null)).toBeNull();
		expect(parseFragment('', null)).toBeNull();
	});
});
