// The kiosk's state for one resident's visit: display choices, assisted mode,
// the dialogs the shell shows. All of it lives in memory only, so the reset
// (a fresh page load) ends it by itself; see reset.ts for what a page may have
// written elsewhere.
import { base } from '$app/paths';
import { pb } from '$lib/api/pocketbase';
import { DEFAULTS, loadDevice, type KioskDevice } from './device';
import { wipe } from './reset';

export const TOKEN_HEADER = 'X-Stadsstem-Kiosk';
export const SESSION_HEADER = 'X-Stadsstem-Assisted';

export type UnlockResult =
	| { ok: true }
	| { ok: false; reason: 'wrong'; attemptsLeft: number }
	| { ok: false; reason: 'locked'; until: string }
	| { ok: false; reason: 'noDevice' | 'failed' };

export const TEXT_SCALES = [100, 150, 200] as const;
export type TextScale = (typeof TEXT_SCALES)[number];

/** Is this address part of the kiosk app (same origin, under /kiosk/)? */
export function isKioskUrl(url: URL): boolean {
	if (url.origin !== location.origin) return false;
	return url.pathname === base || url.pathname.startsWith(`${base}/`);
}

class KioskState {
	device = $state<KioskDevice>({
		token: '',
		idleSeconds: null,
		assistedIdleSeconds: null,
		warnSeconds: DEFAULTS.warnSeconds
	});
	/** What the server's kiosk settings say, when the device gave no idle time itself. */
	serverIdle = $state<{ idle: number; assisted: number }>({ idle: 0, assisted: 0 });
	textScale = $state<TextScale>(100);
	contrast = $state(false);
	assisted = $state<{ session: string; expires: string } | null>(null);
	/**
	 * The resident's consent that the helper fills in for them: for one form
	 * (its path), and for one submission of it. `spent` after that submission,
	 * so the next form on the same page asks again.
	 */
	consent = $state<{ path: string; spent: boolean } | null>(null);
	externalUrl = $state<string | null>(null);
	notice = $state<'download' | null>(null);
	resetting = $state(false);

	idleSeconds = $derived(
		this.assisted
			? (this.device.assistedIdleSeconds ??
					(this.serverIdle.assisted || DEFAULTS.assistedIdleSeconds))
			: (this.device.idleSeconds ?? (this.serverIdle.idle || DEFAULTS.idleSeconds))
	);

	/** Once per page load: read the device's token and settings, and guard the way out. */
	start(): void {
		this.device = loadDevice();
		pb.beforeSend = (url, options) => {
			const headers = new Headers(options.headers as HeadersInit | undefined);
			if (this.device.token) headers.set(TOKEN_HEADER, this.device.token);
			if (this.assisted) headers.set(SESSION_HEADER, this.assisted.session);
			options.headers = Object.fromEntries(headers.entries());
			return { url, options };
		};
		if (this.device.token) void this.hello();
	}

	private async hello(): Promise<void> {
		try {
			const answer = await fetch('/api/stadsstem/kiosk/hello', {
				headers: { [TOKEN_HEADER]: this.device.token }
			});
			if (!answer.ok) return;
			const body = (await answer.json()) as { idleSeconds: number; assistedIdleSeconds: number };
			this.serverIdle = { idle: body.idleSeconds, assisted: body.assistedIdleSeconds };
		} catch {
			// Offline at start: the defaults hold.
		}
	}

	async unlock(pin: string): Promise<UnlockResult> {
		if (!this.device.token) return { ok: false, reason: 'noDevice' };
		try {
			const answer = await fetch('/api/stadsstem/kiosk/unlock', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: this.device.token },
				body: JSON.stringify({ pin })
			});
			const body = (await answer.json()) as {
				session?: string;
				expires?: string;
				attemptsLeft?: number;
				lockedUntil?: string;
			};
			if (answer.status === 200 && body.session && body.expires) {
				this.assisted = { session: body.session, expires: body.expires };
				this.consent = null;
				return { ok: true };
			}
			if (answer.status === 403) {
				return { ok: false, reason: 'wrong', attemptsLeft: body.attemptsLeft ?? 0 };
			}
			if (answer.status === 423)
				return { ok: false, reason: 'locked', until: body.lockedUntil ?? '' };
			if (answer.status === 401) return { ok: false, reason: 'noDevice' };
			return { ok: false, reason: 'failed' };
		} catch {
			return { ok: false, reason: 'failed' };
		}
	}

	/** Ends assisted mode here and on the server (keepalive: it also runs while the page unloads). */
	leaveAssisted(): void {
		if (this.assisted && this.device.token) {
			void fetch('/api/stadsstem/kiosk/lock', {
				method: 'POST',
				keepalive: true,
				headers: { [TOKEN_HEADER]: this.device.token }
			}).catch(() => undefined);
		}
		this.assisted = null;
		this.consent = null;
	}

	/** A submission leaves: the consent it was given under is used up. */
	submitted(): void {
		if (this.consent) this.consent = { ...this.consent, spent: true };
	}

	/** The full reset: nothing of this visit remains, and Back leads nowhere. */
	async reset(): Promise<void> {
		if (this.resetting) return;
		this.resetting = true;
		this.leaveAssisted();
		await wipe();
		// replace(): the start page takes this entry's place instead of adding one.
		location.replace(`${base}/`);
	}
}

export const kiosk = new KioskState();
