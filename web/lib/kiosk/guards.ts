// No way out of the kiosk: what would leave the app, open a window or start a
// download is stopped here, in one place, for every page.
import { goto } from '$app/navigation';
import { isKioskUrl, kiosk } from './kiosk.svelte';

/** Returns a function that removes the guards (for the shell's cleanup). */
export function installGuards(): () => void {
	// Every in-app navigation replaces the current history entry, so the kiosk's
	// history is one entry long: Back (a swipe, Alt+←) has nowhere to go, and
	// never to a previous resident's page.
	const pushState = history.pushState;
	history.pushState = function (data: unknown, unused: string, url?: string | URL | null) {
		history.replaceState(data, unused, url);
	};
	const open = window.open;
	window.open = () => null;

	function onClick(event: MouseEvent) {
		const anchor = (event.target as Element | null)?.closest?.('a[href]');
		if (!(anchor instanceof HTMLAnchorElement)) return;
		const url = new URL(anchor.href, location.href);
		if (anchor.hasAttribute('download') || url.protocol === 'blob:' || url.protocol === 'data:') {
			event.preventDefault();
			event.stopImmediatePropagation();
			kiosk.notice = 'download';
			return;
		}
		if (!isKioskUrl(url)) {
			// Outside the app: the resident takes the address along on their own phone.
			event.preventDefault();
			event.stopImmediatePropagation();
			kiosk.externalUrl = url.href;
			return;
		}
		if (anchor.target && anchor.target !== '_self') {
			event.preventDefault();
			event.stopImmediatePropagation();
			// eslint-disable-next-line svelte/no-navigation-without-resolve -- an in-app URL from the page
			void goto(url.pathname + url.search + url.hash);
		}
	}

	function onBeforeUnload(event: BeforeUnloadEvent) {
		if (kiosk.resetting) return;
		// Any unload that is not our own reset is someone trying to leave.
		event.preventDefault();
		event.returnValue = '';
	}

	function onSubmit(event: SubmitEvent) {
		const form = event.target as HTMLFormElement;
		const action = form.getAttribute('action');
		if (action && !isKioskUrl(new URL(action, location.href))) event.preventDefault();
	}

	document.addEventListener('click', onClick, true);
	document.addEventListener('submit', onSubmit, true);
	window.addEventListener('beforeunload', onBeforeUnload);
	return () => {
		history.pushState = pushState;
		window.open = open;
		document.removeEventListener('click', onClick, true);
		document.removeEventListener('submit', onSubmit, true);
		window.removeEventListener('beforeunload', onBeforeUnload);
	};
}
