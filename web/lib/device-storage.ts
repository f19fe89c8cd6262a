// localStorage that never throws: private browsing and full disks refuse
// writes, and the app must go on working without remembering.
export function readJson<T>(key: string): T | undefined {
	try {
		const raw = localStorage.getItem(key);
		return raw === null ? undefined : (JSON.parse(raw) as T);
	} catch {
		return undefined;
	}
}

export function writeJson(key: string, value: unknown): void {
	try {
		localStorage.setItem(key, JSON.stringify(value));
	} catch {
		// Not remembered; the resident can still finish in this tab.
	}
}

export function remove(key: string): void {
	try {
		localStorage.removeItem(key);
	} catch {
		// Nothing stored, nothing to remove.
	}
}
