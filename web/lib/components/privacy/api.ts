// The privacy routes (pocketbase/pb_hooks/privacy.pb.js) as the browser uses them.
import { pb } from '$lib/api/pocketbase';

export interface RetentionPeriods {
	emailAfterClose: number;
	closedMeldingen: number;
}

/** Defaults of the server, shown until (or if) the server answers. */
export const DEFAULT_PERIODS: RetentionPeriods = { emailAfterClose: 90, closedMeldingen: 730 };

export async function fetchPeriods(): Promise<RetentionPeriods> {
	return pb.send<RetentionPeriods>('/api/stadsstem/privacy/periods', { method: 'GET' });
}

export async function exportMyData(codes: string[]): Promise<unknown> {
	return pb.send('/api/stadsstem/privacy/export', { method: 'POST', body: { codes } });
}

export async function forgetEmail(code: string): Promise<{ code: string; emailDeleted: boolean }> {
	return pb.send('/api/stadsstem/privacy/forget-email', { method: 'POST', body: { code } });
}
