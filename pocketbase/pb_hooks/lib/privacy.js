// Privacy (issue 11): what the platform holds about a resident's meldingen,
// found by the codes on their device; deleting their email; staff erasing a
// person's data on request; and retention, which forgets on a schedule.
/// <reference path="../../pb_data/types.d.ts" />

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_CODES = 50;
// The HTML standard's email syntax (accented Latin letters allowed before the @): an
// address with markup, quotes or invisible characters is refused, not looked up.
const EMAIL =
	/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\u00C0-\u024F-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

function envDays(name, fallback) {
	const days = parseInt($os.getenv(name), 10);
	return days > 0 ? days : fallback;
}

/** Retention periods in days, configurable per deployment. */
function periods() {
	return {
		// A reporter's and followers' emails: long enough for a reopen after "fixed".
		emailAfterClose: envDays('STADSSTEM_RETENTION_EMAIL_DAYS', 90),
		// Unconfirmed decision subscriptions are removed by the decisions hook after a week.
		closedMeldingen: envDays('STADSSTEM_RETENTION_MELDING_DAYS', 730)
	};
}

function refuse(field, code, message) {
	throw new BadRequestError(message, { [field]: new ValidationError(code, message) });
}

/** The codes from a request body, normalised; refuses anything else. */
function codesOf(body) {
	const raw = body && body.codes;
	if (!Array.isArray(raw) || raw.length === 0)
		refuse('codes', 'codes_missing', 'Send a list of codes.');
	if (raw.length > MAX_CODES) refuse('codes', 'too_many_codes', `Send at most ${MAX_CODES} codes.`);
	const codes = [];
	for (const code of raw) {
		if (typeof code !== 'string') refuse('codes', 'code_invalid', 'A code is text.');
		const normalized = code.trim().toUpperCase();
		if (!/^[2-9A-HJ-NP-Z]{8}$/.test(normalized))
			refuse('codes', 'code_invalid', 'This is not a code.');
		if (codes.indexOf(normalized) < 0) codes.push(normalized);
	}
	return codes;
}

/** Shows enough of an address to recognise it, not enough to learn it from a leaked code. */
function maskEmail(email) {
	if (!email) return null;
	const at = email.indexOf('@');
	if (at < 1) return '•••';
	return email[0] + '•••' + email.slice(at);
}

function exportOne(app, m, melding) {
	const view = m.publicView(app, melding);
	const followers = app.findRecordsByFilter('melding_followers', 'melding = {:id}', '', 0, 0, {
		id: melding.id
	});
	return {
		code: melding.getString('code'),
		category: view.category,
		description: melding.getString('description'),
		address: melding.getString('address'),
		location: view.location,
		district: melding.getString('district'),
		photos: (melding.get('photos') || []).length,
		email: maskEmail(melding.getString('email')),
		language: melding.getString('language'),
		channel: melding.getString('channel'),
		publicStatus: melding.getString('publicStatus'),
		created: view.created,
		closedAt: view.closedAt,
		followers: followers.length,
		timeline: view.timeline
	};
}

/**
 * A follower's code proves only their follow: what they gave (email, language)
 * and the melding's public view, not the reporter's description or photos.
 */
function exportFollow(app, m, melding, follower) {
	const view = m.publicView(app, melding, follower);
	return {
		code: follower.getString('code'),
		following: true,
		category: view.category,
		address: view.address,
		location: view.location,
		district: view.district,
		email: maskEmail(follower.getString('email')),
		language: follower.getString('language'),
		publicStatus: view.publicStatus,
		created: m.isoDate(follower.getString('created')),
		closedAt: view.closedAt,
		timeline: view.timeline
	};
}

/** POST /api/stadsstem/privacy/export {codes}: what we hold about these meldingen. */
function exportByCodes(e) {
	const m = require(`${__hooks}/lib/meldingen.js`);
	const codes = codesOf(require(`${__hooks}/lib/body.js`).object(e));
	const meldingen = [];
	const unknown = [];
	for (const code of codes) {
		const tracked = m.findTracked(e.app, code);
		if (!tracked) unknown.push(code);
		else if (tracked.follower)
			meldingen.push(exportFollow(e.app, m, tracked.melding, tracked.follower));
		else meldingen.push(exportOne(e.app, m, tracked.melding));
	}
	return e.json(200, {
		exportedAt: new Date().toISOString(),
		retention: periods(),
		meldingen,
		unknown
	});
}

/** POST /api/stadsstem/privacy/forget-email {code}: the reporter's or follower's email is deleted. */
function forgetEmail(e) {
	const m = require(`${__hooks}/lib/meldingen.js`);
	const b = require(`${__hooks}/lib/body.js`);
	const code = b.text(b.object(e), 'code');
	if (!code) refuse('code', 'code_missing', 'Send a code.');
	const codes = codesOf({ codes: [code] });
	const tracked = m.findTracked(e.app, codes[0]);
	if (!tracked) throw new NotFoundError('No melding has this code.');
	// The follower's own row, or the melding for its reporter.
	const record = tracked.follower || tracked.melding;
	const had = !!record.getString('email');
	if (had) {
		record.set('email', '');
		// Without hooks: the meldingen hook only lets the status flow change the email.
		e.app.unsafeWithoutHooks().save(record);
	}
	return e.json(200, { code: codes[0], emailDeleted: had });
}

/**
 * Staff erase on request: every email, follower and subscription of one
 * address. With dryRun it only counts what it would erase (the CLI shows that
 * before asking for confirmation).
 */
function eraseEmail(app, rawEmail, dryRun) {
	if (rawEmail !== undefined && rawEmail !== null && typeof rawEmail !== 'string')
		refuse('email', 'invalid_type', '"email" must be text.');
	const email = String(rawEmail || '')
		.trim()
		.toLowerCase();
	if (!EMAIL.test(email) || email.length > 254)
		refuse('email', 'email_invalid', 'Give a valid email address.');
	const result = { meldingen: 0, followers: 0, subscriptions: 0 };
	const find = (db, collection) =>
		db.findRecordsByFilter(collection, 'email = {:email}', '', 0, 0, { email });
	if (dryRun) {
		result.meldingen = find(app, 'meldingen').length;
		result.followers = find(app, 'melding_followers').length;
		result.subscriptions = find(app, 'decision_subscriptions').length;
		return result;
	}
	app.runInTransaction((tx) => {
		for (const melding of find(tx, 'meldingen')) {
			melding.set('email', '');
			tx.unsafeWithoutHooks().save(melding);
			result.meldingen++;
		}
		for (const follower of find(tx, 'melding_followers')) {
			tx.delete(follower);
			result.followers++;
		}
		for (const subscription of find(tx, 'decision_subscriptions')) {
			tx.delete(subscription);
			result.subscriptions++;
		}
	});
	return result;
}

/** Forgets what is past its period; returns what it did. */
function retention(app, now) {
	const p = periods();
	const emailBefore = new Date(now - p.emailAfterClose * DAY_MS).toISOString().replace('T', ' ');
	const meldingBefore = new Date(now - p.closedMeldingen * DAY_MS).toISOString().replace('T', ' ');
	const result = { emails: 0, followers: 0, meldingen: 0 };
	const closed = "closedAt != '' && closedAt < {:before}";
	for (const melding of app.findRecordsByFilter('meldingen', `${closed} && email != ''`, '', 0, 0, {
		before: emailBefore
	})) {
		melding.set('email', '');
		app.unsafeWithoutHooks().save(melding);
		result.emails++;
	}
	for (const follower of app.findRecordsByFilter(
		'melding_followers',
		`melding.closedAt != '' && melding.closedAt < {:before}`,
		'',
		0,
		0,
		{ before: emailBefore }
	)) {
		app.delete(follower);
		result.followers++;
	}
	for (const melding of app.findRecordsByFilter('meldingen', closed, '', 0, 0, {
		before: meldingBefore
	})) {
		// Deleting removes its photos and (cascade) its timeline.
		app.delete(melding);
		result.meldingen++;
	}
	return result;
}

module.exports = { exportByCodes, forgetEmail, eraseEmail, retention, periods, maskEmail };
