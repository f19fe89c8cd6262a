// The logged-in staff member, if any. Residents never log in; only city staff
// have accounts (DESIGN.md §5). PocketBase keeps the token in localStorage.
import type { RecordModel } from 'pocketbase';
import { pb } from './pocketbase';

export type StaffRole = 'handler' | 'editor' | 'admin';

export interface StaffRecord extends RecordModel {
	email: string;
	name: string;
	role: StaffRole;
	districts: string[];
}

class StaffSession {
	user = $state<StaffRecord | null>(null);

	constructor() {
		this.sync();
		pb.authStore.onChange(() => this.sync());
	}

	private sync() {
		const record = pb.authStore.isValid ? pb.authStore.record : null;
		this.user = record?.collectionName === 'users' ? (record as StaffRecord) : null;
	}

	/** Admins can do what every role can. */
	can(role: StaffRole): boolean {
		return this.user?.role === role || this.user?.role === 'admin';
	}

	async login(email: string, password: string): Promise<void> {
		await pb.collection('users').authWithPassword(email, password);
	}

	logout(): void {
		pb.authStore.clear();
	}
}

export const staffSession = new StaffSession();
