/// <reference path="../pb_data/types.d.ts" />
// "Mijn gegevens" and retention (issue 11); see lib/privacy.js. A resident
// proves a melding is theirs with its code, as everywhere else (a follower's
// code proves only their own follow).

routerAdd('POST', '/api/stadsstem/privacy/export', (e) => {
	return require(`${__hooks}/lib/privacy.js`).exportByCodes(e);
});

routerAdd('POST', '/api/stadsstem/privacy/forget-email', (e) => {
	return require(`${__hooks}/lib/privacy.js`).forgetEmail(e);
});

// Staff erase a person's data on request: superusers, or staff with the admin role.
routerAdd('POST', '/api/stadsstem/privacy/erase', (e) => {
	const isAdmin =
		e.hasSuperuserAuth() ||
		(e.auth && e.auth.collection().name === 'users' && e.auth.getString('role') === 'admin');
	if (!isAdmin) throw new ForbiddenError('Only administrators erase personal data.');
	const b = require(`${__hooks}/lib/body.js`);
	const body = b.object(e);
	const dryRun = b.bool(body, 'dryRun');
	return e.json(200, require(`${__hooks}/lib/privacy.js`).eraseEmail(e.app, body.email, dryRun));
});

// Retention on demand, for superusers (and tests, which cannot wait for the night).
routerAdd(
	'POST',
	'/api/stadsstem/privacy/retention',
	(e) => {
		return e.json(200, require(`${__hooks}/lib/privacy.js`).retention(e.app, Date.now()));
	},
	$apis.requireSuperuserAuth()
);

cronAdd('privacyRetention', '37 3 * * *', () => {
	require(`${__hooks}/lib/privacy.js`).retention($app, Date.now());
});

// The retention periods, for the privacy page: what it says is what the server does.
routerAdd('GET', '/api/stadsstem/privacy/periods', (e) => {
	return e.json(200, require(`${__hooks}/lib/privacy.js`).periods());
});
