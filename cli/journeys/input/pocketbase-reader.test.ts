import { describe, expect, it } from 'vitest';
import { LogBuilder } from '../analysis/event-log.ts';
import { UTC } from '../analysis/timestamps.ts';
import { pageUrl, readPocketBase, type Fetcher } from './pocketbase-reader.ts';

// A stand-in for PocketBase's REST API: the adapter's HTTP use is tested against a real server by
// the platform team; here only the paging and the record-to-event mapping are checked.
function fakeServer(
	pages: Record<string, unknown>[][],
	status = 200
): { fetcher: Fetcher; calls: { url: string; auth: string }[] } {
	const calls: { url: string; auth: string }[] = [];
	const fetcher: Fetcher = async (url, init) => {
		calls.push({ url, auth: init.headers.Authorization });
		const page = Number(new URL(url).searchParams.get('page'));
		const body = {
			page,
			perPage: 500,
			totalPages: pages.length,
			totalItems: pages.flat().length,
			items: pages[page - 1] ?? []
		};
		return new Response(JSON.stringify(body), { status });
	};
	return { fetcher, calls };
}

const record = (
	journeyId: string,
	step: string,
	at: string,
	extra: Record<string, unknown> = {}
) => ({
	collectionName: 'journey_events',
	id: `${journeyId}-${step}`,
	journeyId,
	process: 'melding',
	step,
	type: 'step',
	at,
	channel: 'web',
	assisted: false,
	language: 'nl',
	detail: '',
	...extra
});

const request = {
	columns: {},
	zone: UTC,
	caseAttributes: [{ name: 'assisted', required: true }],
	eventAttributes: [
		{ name: 'channel', required: true },
		{ name: 'detail', required: false }
	]
};

describe('PocketBase adapter', () => {
	it('pages through journey_events sorted by time with the token', async () => {
		expect(pageUrl('http://127.0.0.1:8090/', 2)).toBe(
			'http://127.0.0.1:8090/api/collections/journey_events/records?page=2&perPage=500&sort=at'
		);
		const { fetcher, calls } = fakeServer([
			[
				record('j1', 'start', '2024-03-01 10:00:00.000Z'),
				record('j1', 'photo', '2024-03-01 10:01:00.000Z', { type: 'error', detail: 'too-large' })
			],
			[record('j2', 'start', '2024-03-01 11:00:00.000Z', { assisted: true, channel: 'kiosk' })]
		]);
		const builder = new LogBuilder({
			caseAttributes: request.caseAttributes.map((a) => a.name),
			eventAttributes: request.eventAttributes.map((a) => a.name)
		});
		await readPocketBase('http://127.0.0.1:8090', 'staff-token', request, builder, fetcher);
		const log = builder.finish();
		expect(calls.map((c) => c.auth)).toEqual(['staff-token', 'staff-token']);
		expect(calls.map((c) => new URL(c.url).searchParams.get('page'))).toEqual(['1', '2']);
		expect(log.events).toBe(3);
		expect(log.cases.map((c) => [c.id, c.caseValues[0]])).toEqual([
			['j1', 'false'],
			['j2', 'true']
		]);
		expect(log.cases[0].times).toEqual([
			Date.parse('2024-03-01T10:00:00Z'),
			Date.parse('2024-03-01T10:01:00Z')
		]);
		expect(log.eventAttributeValues).toEqual([['web', 'kiosk'], ['too-large']]);
	});

	it('refuses to run without a token and explains a refused one', async () => {
		const { fetcher } = fakeServer([[]], 403);
		await expect(
			readPocketBase('http://x', undefined, request, new LogBuilder(), fetcher)
		).rejects.toThrow(/STADSSTEM_TOKEN/);
		await expect(
			readPocketBase('http://x', 'bad', request, new LogBuilder(), fetcher)
		).rejects.toThrow(/refused the token \(HTTP 403\)/);
	});
});
