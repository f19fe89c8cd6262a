/// <reference path="../pb_data/types.d.ts" />
// Journey events (DESIGN.md §7, issue 8): the server takes them only in that
// shape (lib/journeys.js), stamps kiosk and assisted from what it verified,
// and forgets them after the retention period.

onRecordCreateRequest((e) => {
	require(`${__hooks}/lib/journeys.js`).checkCreate(e);
	return e.next();
}, 'journey_events');

// Nightly at 03:17: delete what is older than the retention period.
cronAdd('journeyRetention', '17 3 * * *', () => {
	require(`${__hooks}/lib/journeys.js`).purge($app, Date.now());
});

// The same purge on demand, for superusers (and the tests, which cannot wait for the night).
routerAdd(
	'POST',
	'/api/stadsstem/journeys/retention',
	(e) => {
		return e.json(200, require(`${__hooks}/lib/journeys.js`).purge(e.app, Date.now()));
	},
	$apis.requireSuperuserAuth()
);

// The processes that have events, with their number of journeys, for the staff page.
routerAdd(
	'GET',
	'/api/stadsstem/journeys/processes',
	(e) => {
		return e.json(200, require(`${__hooks}/lib/journeys.js`).processes(e.app));
	},
	$apis.requireAuth('users')
);
