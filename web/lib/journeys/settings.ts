// What the server says about journey events (pocketbase/pb_hooks/journeys.pb.js), for the pages
// that tell residents and staff how long events are kept and which period they look at.
import { pb } from '$lib/api/pocketbase';

/** The server's default, shown until (or if) the server answers. */
export const DEFAULT_RETENTION_DAYS = 180;

/** The staff page looks at this many recent days unless staff choose another period. */
export const DEFAULT_PERIOD_DAYS = 90;

/** Periods staff can choose, in days; longer ones than the retention period are left out. */
export const PERIOD_CHOICES = [7, 30, 90, 180, 365];

export async function fetchRetentionDays(): Promise<number> {
	const answer = await pb.send<{ retentionDays: number }>('/api/stadsstem/journeys/settings', {
		method: 'GET',
		requestKey: null
	});
	return answer.retentionDays;
}

/** The periods to offer: the choices within the retention period, and the whole period itself. */
export function periodChoices(retentionDays: number): number[] {
	const within = PERIOD_CHOICES.filter((days) => days < retentionDays);
	return [...within, retentionDays];
}

/** PocketBase's stored form of the moment `days` days ago, to filter on `at`. */
export function periodStart(days: number, now = Date.now()): string {
	return new Date(now - days * 86_400_000).toISOString().replace('T', ' ');
}
