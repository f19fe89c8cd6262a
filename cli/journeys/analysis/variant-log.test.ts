import { describe, expect, it } from 'vitest';
import { summarize } from './summary.ts';
import { buildLog, type Row } from './test-log.ts';
import { parseTimestamp } from './timestamps.ts';
import { UnorderedCase, VariantLogBuilder, variantLogOf } from './variant-log.ts';
import { topVariants } from './variants.ts';

function streamed(rows: Row[]) {
	const builder = new VariantLogBuilder();
	for (const [caseId, activity, time] of rows)
		builder.add(caseId, activity, typeof time === 'number' ? time : parseTimestamp(time));
	return builder.finish();
}

describe('VariantLogBuilder', () => {
	// Interleaved cases, a tie, a self-loop and rework: what a journey export looks like.
	const rows: Row[] = [
		['a', 'start', '2024-01-01T10:00:00Z'],
		['b', 'start', '2024-01-01T10:00:30Z'],
		['a', 'form', '2024-01-01T10:01:00Z'],
		['b', 'form', '2024-01-01T10:01:00Z'],
		['a', 'error', '2024-01-01T10:01:00Z'],
		['c', 'start', '2024-01-01T10:02:00Z'],
		['a', 'form', '2024-01-01T10:03:00Z'],
		['b', 'done', '2024-01-01T10:04:00Z'],
		['a', 'done', '2024-01-01T10:05:00Z'],
		['c', 'start', '2024-01-01T10:06:00Z']
	];

	it('gives the same summary and variants while reading as the full log does', () => {
		const full = variantLogOf(buildLog(rows));
		const stream = streamed(rows);
		expect(summarize(stream)).toEqual(summarize(full));
		expect(topVariants(stream)).toEqual(topVariants(full));
		expect(stream.quality).toEqual(full.quality);
		expect(summarize(stream)).toMatchObject({
			events: 10,
			cases: 3,
			variants: 3,
			rework: { form: 1, start: 1 },
			caseDuration: { min: 210, max: 300 }
		});
	});

	it('stops at the first event earlier than its case has seen', () => {
		const late: Row[] = [...rows, ['b', 'late', '2024-01-01T10:03:59Z']];
		expect(() => streamed(late)).toThrow(UnorderedCase);
	});
});
