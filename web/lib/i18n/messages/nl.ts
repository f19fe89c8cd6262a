// Dutch is the default and the fallback, so it is bundled. One file per area
// of the app keeps each feature's words together.
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
