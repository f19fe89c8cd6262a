// How a kiosk tablet knows it is one. The launcher (kiosk/launch) opens
// /kiosk/#kiosk=TOKEN once per browser start. The fragment never reaches the
// server or its logs; the shell moves it into sessionStorage at once and
// removes it from the address. sessionStorage lives as long as the browser
// tab, survives a reset (which keeps exactly this key and clears everything
// else) and dies with the throwaway profile when the browser closes; the
// launcher then passes the token again. A resident cannot read it: the kiosk
// has no address bar, no devtools and no way to open another page.

const DEVICE_KEY = 'stadsstem.kiosk.device';

/** The shortest time a resident gets to react to the idle warning (WCAG 2.2.1: 20 s). */
export const MIN_WARN_SECONDS = 20;

export interface KioskDevice {
	/** The kiosk token, or '' on a device that was not registered (a demo). */
	token: string;
	/** Seconds without a touch before the idle warning; null: the server's or the default. */
	idleSeconds: number | null;
	assistedIdleSeconds: number | null;
	/** Seconds the warning counts down before the reset. */
	warnSeconds: number;
}

export const DEFAULTS = { idleSeconds: 120, assistedIdleSeconds: 300, warnSeconds: 30 };

export const DEVICE_STORAGE_KEY = DEVICE_KEY;

function seconds(value: string | null, min: number, max = 3600): number | null {
	if (value === null || value === '') return null;
	const number = Number(value);
	if (!Number.isFinite(number)) return null;
	return Math.min(max, Math.max(min, Math.round(number)));
}

/** Reads `#kiosk=…&idle=…&assistedIdle=…&warn=…` into a device configuration. */
export function parseFragment(hash: string, previous: KioskDevice | null): KioskDevice | null {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const keys = ['kiosk', 'idle', 'assistedIdle', 'warn'];
	if (!keys.some((key) => params.has(key))) return null;
	return {
		token: params.get('kiosk') ?? previous?.token ?? '',
		idleSeconds: seconds(params.get('idle'), 1) ?? previous?.idleSeconds ?? null,
		assistedIdleSeconds:
			seconds(params.get('assistedIdle'), 1) ?? previous?.assistedIdleSeconds ?? null,
		warnSeconds:
			seconds(params.get('warn'), MIN_WARN_SECONDS) ?? previous?.warnSeconds ?? DEFAULTS.warnSeconds
	};
}

function stored(): KioskDevice | null {
	try {
		const raw = sessionStorage.getItem(DEVICE_KEY);
		return raw ? (JSON.parse(raw) as KioskDevice) : null;
	} catch {
		return null;
	}
}

/** The device configuration: from the launcher's fragment (once), else from this tab's storage. */
export function loadDevice(): KioskDevice {
	const previous = stored();
	const fromFragment = parseFragment(location.hash, previous);
	if (fromFragment) {
		try {
			sessionStorage.setItem(DEVICE_KEY, JSON.stringify(fromFragment));
		} catch {
			// Without storage the token lasts until the next reset; the launcher restarts it.
		}
		// The token must not stay visible in the address or in history.
		history.replaceState(history.state, '', location.pathname + location.search);
		return fromFragment;
	}
	return (
		previous ?? {
			token: '',
			idleSeconds: null,
			assistedIdleSeconds: null,
			warnSeconds: DEFAULTS.warnSeconds
		}
	);
}
