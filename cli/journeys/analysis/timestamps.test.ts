import { describe, expect, it } from 'vitest';
import { createZone, parseTimestamp, UTC } from './timestamps.ts';

const utc = (iso: string) => Date.parse(iso);

describe('parseTimestamp', () => {
	it('reads ISO 8601 with offsets, Z and a space or T', () => {
		expect(parseTimestamp('2010-12-30 14:32:00+01:00')).toBe(utc('2010-12-30T13:32:00Z'));
		expect(parseTimestamp('2010-12-30T14:32:00.000+01:00')).toBe(utc('2010-12-30T13:32:00Z'));
		expect(parseTimestamp('2024-03-01T10:15:30.123Z')).toBe(utc('2024-03-01T10:15:30.123Z'));
		expect(parseTimestamp('2024-03-01T10:15:30-0530')).toBe(utc('2024-03-01T15:45:30Z'));
		expect(parseTimestamp('2024-03-01T10:15+02')).toBe(utc('2024-03-01T08:15:00Z'));
	});

	it('reads the exact UTC form of JavaScript and PocketBase the same on its fast path', () => {
		// Consecutive values share a day (the cached case), then change day, month and year.
		const values = [
			'2024-02-28T23:59:59.999Z',
			'2024-02-28T00:00:00.000Z',
			'2024-02-29T12:00:00Z',
			'2024-03-01T00:00:00.5Z',
			'1999-12-31T23:59:60.25Z',
			'2024-03-01T10:15:30.123Z'
		];
		for (const value of values)
			expect(parseTimestamp(value), value).toBe(
				utc(value.replace(':60', ':59')) + (value.includes(':60') ? 1000 : 0)
			);
		for (const bad of [
			'2024-13-01T00:00:00Z',
			'2024-02-28T25:00:00Z',
			'2024-02-28T10:00:00.Z',
			'2024-02-28T1x:00:00Z'
		]) {
			expect(parseTimestamp(bad), bad).toBeNaN();
		}
		// Lower-case and comma forms still reach the general parser.
		expect(parseTimestamp('2024-03-01t10:15:30,5z')).toBe(utc('2024-03-01T10:15:30.500Z'));
	});

	it('keeps fractions finer than milliseconds', () => {
		expect(parseTimestamp('2024-03-01T10:15:30.123456Z')).toBeCloseTo(
			utc('2024-03-01T10:15:30.123Z') + 0.456,
			6
		);
	});

	it('reads Disco timestamps, date-only values and epochs', () => {
		expect(parseTimestamp('2014/10/22 11:15:41.000')).toBe(utc('2014-10-22T11:15:41Z'));
		expect(parseTimestamp('2014-10-22')).toBe(utc('2014-10-22T00:00:00Z'));
		expect(parseTimestamp('1700000000')).toBe(1_700_000_000_000);
		expect(parseTimestamp('1700000000123')).toBe(1_700_000_000_123);
		expect(parseTimestamp('1700000000.5')).toBe(1_700_000_000_500);
	});

	it('rejects what is not a timestamp', () => {
		for (const text of [
			'',
			'yesterday',
			'2024-13-01',
			'2024-01-01 25:00',
			'2024-01-01T10:00:00+1',
			'12/31/2024',
			'2024-01-01 10:00 CET',
			'ë2024'
		]) {
			expect(parseTimestamp(text), text).toBeNaN();
		}
	});

	it('places naive times in the zone given, across daylight saving time', () => {
		const brussels = createZone('Europe/Brussels');
		expect(parseTimestamp('2024-01-15 12:00:00', brussels)).toBe(utc('2024-01-15T11:00:00Z'));
		expect(parseTimestamp('2024-07-15 12:00:00', brussels)).toBe(utc('2024-07-15T10:00:00Z'));
		// The night clocks go forward: 01:30 is still winter time, 03:30 summer time.
		expect(parseTimestamp('2024-03-31 01:30:00', brussels)).toBe(utc('2024-03-31T00:30:00Z'));
		expect(parseTimestamp('2024-03-31 03:30:00', brussels)).toBe(utc('2024-03-31T01:30:00Z'));
		// An explicit offset wins over the zone.
		expect(parseTimestamp('2024-07-15 12:00:00+00:00', brussels)).toBe(utc('2024-07-15T12:00:00Z'));
		expect(parseTimestamp('2024-07-15 12:00:00', UTC)).toBe(utc('2024-07-15T12:00:00Z'));
	});

	it('refuses unknown zones', () => {
		expect(() => createZone('Mars/Olympus')).toThrow(RangeError);
	});
});
