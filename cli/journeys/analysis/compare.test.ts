import { describe, expect, it } from 'vitest';
import { compareSegments } from './compare.ts';
import { buildLog, type Row } from './test-log.ts';

/** `n` cases in segment `segment`, of which `passed` reach "form" after "start". */
function group(segment: string, n: number, passed: number): Row[] {
	const rows: Row[] = [];
	for (let i = 0; i < n; i++) {
		const id = `${segment}-${i}`;
		rows.push([id, 'start', Date.UTC(2024, 0, 1, 10), [], [segment]]);
		if (i < passed) rows.push([id, 'form', Date.UTC(2024, 0, 1, 11), [], [segment]]);
	}
	return rows;
}

describe('compareSegments', () => {
	it('finds a real difference and says so', () => {
		const log = buildLog([...group('web', 200, 180), ...group('kiosk', 200, 120)], {
			caseAttributes: ['channel']
		});
		const result = compareSegments(log, { steps: ['start', 'form'], byAttribute: 0 });
		const kiosk = result.cells.find((c) => c.step === 'form' && c.segment === 'kiosk')!;
		expect(kiosk).toMatchObject({
			n: 200,
			reached: 120,
			restN: 200,
			restReached: 180,
			test: 'z',
			verdict: 'lower'
		});
		expect(kiosk.differencePp).toBeCloseTo(-30, 10);
		expect(kiosk.ci95Pp[0]).toBeLessThan(-30);
		expect(kiosk.ci95Pp[1]).toBeGreaterThan(-30);
		expect(kiosk.ci95Pp[1]).toBeLessThan(0);
		expect(kiosk.q).toBeLessThan(0.001);
	});

	it('says there is no evidence when the groups do the same', () => {
		const log = buildLog([...group('nl', 100, 70), ...group('en', 100, 72)], {
			caseAttributes: ['language']
		});
		const result = compareSegments(log, { steps: ['start', 'form'], byAttribute: 0 });
		for (const cell of result.cells) expect(cell.verdict).toBe('no-evidence');
	});

	it('uses the exact test and flags small groups', () => {
		const log = buildLog([...group('web', 100, 90), ...group('desk', 4, 1)], {
			caseAttributes: ['channel']
		});
		const result = compareSegments(log, { steps: ['start', 'form'], byAttribute: 0, minGroup: 10 });
		const desk = result.cells.find((c) => c.step === 'form' && c.segment === 'desk')!;
		expect(desk.test).toBe('fisher');
		expect(desk.smallGroup).toBe(true);
		expect(result.segments.find((s) => s.name === 'desk')?.small).toBe(true);
	});
});
