/// <reference path="../pb_data/types.d.ts" />
// Kiosks at webpunten (issue 6): token check, helper PIN unlock with a lock
// after failures, and stamping kiosk submissions (see lib/kiosk.js). This file
// loads before meldingen.pb.js and surveys.pb.js, so the stamp runs first and
// e.next() hands on to their checks.

routerAdd('GET', '/api/stadsstem/kiosk/hello', (e) => {
	return require(`${__hooks}/lib/kiosk.js`).hello(e);
});

routerAdd('POST', '/api/stadsstem/kiosk/unlock', (e) => {
	return require(`${__hooks}/lib/kiosk.js`).unlock(e);
});

routerAdd('POST', '/api/stadsstem/kiosk/lock', (e) => {
	return require(`${__hooks}/lib/kiosk.js`).lock(e);
});

onRecordCreateRequest(
	(e) => {
		require(`${__hooks}/lib/kiosk.js`).stamp(e);
		return e.next();
	},
	'responses',
	'meldingen'
);
