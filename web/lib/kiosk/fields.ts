// What a submission from the kiosk says about itself. The server checks the
// kiosk's token (a header) and overwrites these, so they are a claim only;
// the helper and the resident are never named.
import { kiosk } from './kiosk.svelte';

export function kioskFields(): { channel?: 'kiosk'; assisted?: boolean } {
	if (__STADSSTEM_VARIANT__ !== 'kiosk') return {};
	return { channel: 'kiosk', assisted: kiosk.assisted !== null };
}
