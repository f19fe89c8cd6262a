/// <reference path="../pb_data/types.d.ts" />
// Journey events (DESIGN.md §7, issue 8): the server takes them only in that
// shape (lib/journeys.js), stamps kiosk and assisted from what it verified,
// and forgets them after the retention period.

onRecordCreateRequest((e) => {
	const journeys = require(`${__hooks}/lib/journeys.js`);
	journeys.checkCreate(e);
	// Sent again because the page never heard the first answer: a success, and nothing new stored,
	// so every event counts once (the rest of its batch is still stored).
	if (journeys.storedAlready(e)) return e.json(200, { id: e.record.id });
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

// The processes that have events in a period (?days=N, default 90), with their
// number of journeys, for the staff page.
routerAdd(
	'GET',
	'/api/stadsstem/journeys/processes',
	(e) => {
		const lib = require(`${__hooks}/lib/journeys.js`);
		const days = lib.periodDays(e.request.url.query().get('days'));
		return e.json(200, lib.processes(e.app, Date.now(), days));
	},
	$apis.requireAuth('users')
);

// Per-deployment limits from the environment, at every start (nothing is
// written): requests to /api/batch and journey events per minute per address.
// Without them the migrated defaults apply (see 1764800000_journey_batch_rate_limit.js).
onBootstrap((e) => {
	e.next();
	require(`${__hooks}/lib/journeys.js`).applyRateLimits(e.app.settings());
});

// What residents may know: how long events are kept (the privacy page shows it).
routerAdd('GET', '/api/stadsstem/journeys/settings', (e) => {
	return e.json(200, { retentionDays: require(`${__hooks}/lib/journeys.js`).retentionDays() });
});
