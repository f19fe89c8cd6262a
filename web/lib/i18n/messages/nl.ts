// Every Dutch word, one file per area of the app to keep each feature's words
// together. It defines the message keys; the app loads it lazily, with the
// first page other than the home (whose words come from shell.ts).
import accessibility from './nl/accessibility.json';
import common from './nl/common.json';
import decisions from './nl/decisions.json';
import home from './nl/home.json';
import journeys from './nl/journeys.json';
import kiosk from './nl/kiosk.json';
import meldingen from './nl/meldingen.json';
import offline from './nl/offline.json';
import privacy from './nl/privacy.json';
import pwa from './nl/pwa.json';
import staff from './nl/staff.json';
import staffSurveys from './nl/staff-surveys.json';
import surveys from './nl/surveys.json';

export default {
	...accessibility,
	...common,
	...decisions,
	...home,
	...journeys,
	...kiosk,
	...meldingen,
	...offline,
	...privacy,
	...pwa,
	...staff,
	...staffSurveys,
	...surveys
};
