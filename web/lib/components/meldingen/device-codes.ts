// This device remembers the codes of its meldingen (and the ones it follows),
// in localStorage only: nothing about the resident leaves the phone.
const KEY = 'stadsstem.meldingen';

export interface RememberedCode {
	code: string;
	category: string;
	followed: boolean;
	savedAt: string;
}

export function rememberedCodes(): RememberedCode[] {
	try {
		const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]') as RememberedCode[];
		return Array.isArray(parsed) ? parsed : [];
	} catch {
		return [];
	}
}

export function rememberCode(entry: Omit<RememberedCode, 'savedAt'>): void {
	const others = rememberedCodes().filter((item) => item.code !== entry.code);
	try {
		localStorage.setItem(
			KEY,
			JSON.stringify([{ ...entry, savedAt: new Date().toISOString() }, ...others].slice(0, 50))
		);
	} catch {
		// Private browsing may refuse storage: the done page still shows the code and QR.
	}
}

export function forgetCode(code: string): void {
	try {
		localStorage.setItem(
			KEY,
			JSON.stringify(rememberedCodes().filter((item) => item.code !== code))
		);
	} catch {
		// Nothing stored, nothing to forget.
	}
}

/** One id per device for following: a second follow from the same phone counts once. */
export function deviceId(): string {
	const key = 'stadsstem.device';
	try {
		const existing = localStorage.getItem(key);
		if (existing) return existing;
		const id = crypto.randomUUID();
		localStorage.setItem(key, id);
		return id;
	} catch {
		return crypto.randomUUID();
	}
}
