// The status flow of meldingen: the one source for the server and the app.
// pocketbase/server.ts bundles this file into pb_hooks/lib/generated/ for the
// JS hooks (lib/meldingen.js), which enforce it; the staff pages only offer the
// choices the server accepts. Keep it free of imports other than types.
import type { PublicStatus, Status } from './api';

export const STATUSES: Status[] = [
	'new',
	'accepted',
	'planned',
	'in_progress',
	'fixed',
	'not_fixed',
	'not_ours',
	'duplicate',
	'reopened'
];

/** Internal status → the few public ones residents see. */
export const PUBLIC_STATUS: Record<Status, PublicStatus> = {
	new: 'received',
	reopened: 'received',
	accepted: 'in_progress',
	planned: 'in_progress',
	in_progress: 'in_progress',
	fixed: 'done',
	not_fixed: 'closed',
	not_ours: 'closed',
	duplicate: 'closed'
};

/** The status flow staff may take. A closed melding only reopens. */
export const TRANSITIONS: Record<Status, Status[]> = {
	new: ['accepted', 'planned', 'in_progress', 'fixed', 'not_fixed', 'not_ours', 'duplicate'],
	accepted: ['planned', 'in_progress', 'fixed', 'not_fixed', 'not_ours', 'duplicate'],
	planned: ['accepted', 'in_progress', 'fixed', 'not_fixed', 'not_ours', 'duplicate'],
	in_progress: ['planned', 'fixed', 'not_fixed', 'not_ours', 'duplicate'],
	reopened: ['accepted', 'planned', 'in_progress', 'fixed', 'not_fixed', 'not_ours', 'duplicate'],
	fixed: ['reopened'],
	not_fixed: ['reopened'],
	not_ours: ['reopened'],
	duplicate: ['reopened']
};

export const OPEN_STATUSES: Status[] = ['new', 'accepted', 'planned', 'in_progress', 'reopened'];

/** The statuses that close a melding (they set closedAt). */
export const CLOSING: Status[] = ['fixed', 'not_fixed', 'not_ours', 'duplicate'];

/** A resident may reopen only what the city says is handled, not a duplicate or "not ours". */
export const RESIDENT_REOPENABLE: Status[] = ['fixed', 'not_fixed'];
