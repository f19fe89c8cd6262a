// What a submission from the kiosk says about itself. The server checks the
// kiosk's token (a header) and overwrites these, so they are a claim only;
// the helper and the resident are never named.
import { kiosk } from './kiosk.svelte';

// Called once per submission, so it also marks the helper's consent as used:
// the resident's next form asks again.
export function kioskFields(): { channel?: 'kiosk'; assisted?: boolean } {
	if (__STADSSTEM_VARIANT__ !== 'kiosk') return {};
	kiosk.submitted();
	return { channel: 'kiosk', assisted: kiosk.assisted !== null };
}
