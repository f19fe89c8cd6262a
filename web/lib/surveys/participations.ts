// What this device took part in, for the resident's own overview ("My data").
// Kept on the device only; the server never links a response to a person.
import { readJson, writeJson } from '$lib/device-storage';

export interface Participation {
	kind: 'survey';
	slug: string;
	clientId: string;
	at: string;
}

const KEY = 'stadsstem.participations';

export function participations(): Participation[] {
	return readJson<Participation[]>(KEY) ?? [];
}

export function rememberParticipation(participation: Participation): void {
	if (__STADSSTEM_VARIANT__ === 'kiosk') return;
	writeJson(KEY, [
		...participations().filter((p) => p.clientId !== participation.clientId),
		participation
	]);
}
