// The status flow, mirrored from pocketbase/pb_hooks/lib/meldingen.js so that
// staff only see the choices the server accepts (the server still decides).
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
