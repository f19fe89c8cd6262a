/**
 * Reads journey events from the platform's PocketBase over its REST API, page by page, with a
 * staff token from STADSSTEM_TOKEN. Records carry the journey export fields of DESIGN.md §7.
 */
import type { EventSink } from '../analysis/event-sink.ts';
import { CliError } from '../../cli-error.ts';
import { ObjectRows } from './object-rows.ts';
import type { ReadRequest } from './read-request.ts';

export const PER_PAGE = 500;

export interface PocketBasePage {
	page: number;
	perPage: number;
	totalPages: number;
	totalItems: number;
	items: Record<string, unknown>[];
}

export type Fetcher = (url: string, init: { headers: Record<string, string> }) => Promise<Response>;

export function pageUrl(base: string, page: number, process?: string): string {
	const root = base.replace(/\/+$/, '');
	// The platform keeps every process in one collection; a funnel is about one of them.
	const filter = process ? `&filter=${encodeURIComponent(`process="${process}"`)}` : '';
	return `${root}/api/collections/journey_events/records?page=${page}&perPage=${PER_PAGE}&sort=at${filter}`;
}

/** The journey export's field names, so no column flags are needed. */
export function journeyColumns(request: ReadRequest): ReadRequest {
	return {
		...request,
		columns: {
			case: request.columns.case ?? 'journeyId',
			activity: request.columns.activity ?? 'step',
			timestamp: request.columns.timestamp ?? 'at'
		}
	};
}

export async function readPocketBase(
	base: string,
	token: string | undefined,
	request: ReadRequest,
	sink: EventSink,
	fetcher: Fetcher = fetch,
	onPage?: (page: number, totalPages: number) => void,
	process?: string
): Promise<void> {
	if (!token) {
		throw new CliError(
			'set STADSSTEM_TOKEN to a staff token to read journey events from PocketBase.',
			2
		);
	}
	if (!/^https?:\/\//.test(base))
		throw new CliError(`--from needs an http(s) URL, not "${base}".`, 2);
	if (process !== undefined && !/^[a-z0-9:_-]+$/.test(process))
		throw new CliError(`--process needs a process name such as melding, not "${process}".`, 2);
	const rows = new ObjectRows(journeyColumns(request), base, sink);
	let row = 0;
	for (let page = 1; ; page++) {
		const url = pageUrl(base, page, process);
		let response: Response;
		try {
			response = await fetcher(url, { headers: { Authorization: token } });
		} catch (error) {
			throw new CliError(`cannot reach PocketBase at ${base}: ${(error as Error).message}.`);
		}
		if (response.status === 401 || response.status === 403) {
			throw new CliError(
				`PocketBase refused the token (HTTP ${response.status}); STADSSTEM_TOKEN must be a staff token.`
			);
		}
		if (!response.ok) throw new CliError(`PocketBase answered HTTP ${response.status} for ${url}.`);
		let body: PocketBasePage;
		try {
			body = (await response.json()) as PocketBasePage;
		} catch {
			throw new CliError(`PocketBase at ${base} did not answer with JSON; is this the right URL?`);
		}
		if (!Array.isArray(body.items))
			throw new CliError(`PocketBase's answer for ${url} has no records list.`);
		for (const item of body.items) rows.add(item, ++row);
		onPage?.(page, body.totalPages);
		if (body.items.length === 0 || page >= (body.totalPages ?? page)) break;
	}
}
