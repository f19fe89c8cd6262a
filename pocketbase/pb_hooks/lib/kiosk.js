// Kiosks at webpunten (issue 6). A kiosk proves itself with its token (a
// header, never stored in clear on the server); a helper unlocks assisted mode
// with the kiosk's PIN. Submissions are stamped here, from what the server
// verified, never from what the browser claims. Nothing names the helper or
// the resident.

const TOKEN_HEADER = 'X-Stadsstem-Kiosk';
const SESSION_HEADER = 'X-Stadsstem-Assisted';
const MAX_FAILED_PINS = 5;
const LOCK_MINUTES = 15;
const SESSION_MINUTES = 60;

// Request headers as PocketBase's request info names them (lowercase, _ for -);
// this works in route handlers and in record request hooks alike.
function header(e, name) {
	const headers = e.requestInfo().headers || {};
	return String(headers[name.toLowerCase().replace(/-/g, '_')] || '').trim();
}

/** The kiosk whose token is in the request, or null. */
function findKiosk(app, e) {
	const token = header(e, TOKEN_HEADER);
	if (token.length < 20 || token.length > 200) return null;
	try {
		return app.findFirstRecordByData('kiosks', 'tokenHash', $security.sha256(token));
	} catch (_) {
		return null;
	}
}

/** PocketBase dates are "2026-01-02 03:04:05.000Z"; empty means none. */
function timeOf(record, field) {
	const value = record.getString(field);
	if (!value) return 0;
	const time = Date.parse(value.replace(' ', 'T'));
	return isNaN(time) ? 0 : time;
}

function pinHash(salt, pin) {
	return salt + '$' + $security.sha256(salt + ':' + pin);
}

function pinMatches(stored, pin) {
	const cut = stored.indexOf('$');
	if (cut < 1 || !pin) return false;
	return $security.equal(pinHash(stored.slice(0, cut), pin), stored);
}

function assistedValid(kiosk, e) {
	const session = header(e, SESSION_HEADER);
	const stored = kiosk.getString('assistedHash');
	if (!session || !stored) return false;
	if (timeOf(kiosk, 'assistedUntil') <= Date.now()) return false;
	return $security.equal($security.sha256(session), stored);
}

function requireKiosk(e) {
	const kiosk = findKiosk(e.app, e);
	if (!kiosk) throw new UnauthorizedError('This device is not a registered kiosk.');
	return kiosk;
}

/**
 * A JSON field comes out of the record as raw bytes: parse it, or the kiosk's
 * own idle times would never reach the tablet.
 */
function kioskSettings(kiosk) {
	try {
		return JSON.parse(toString(kiosk.get('settings'))) || {};
	} catch {
		return {};
	}
}

/** GET /api/stadsstem/kiosk/hello: the kiosk checks its token and reads its settings. */
function hello(e) {
	const kiosk = requireKiosk(e);
	kiosk.set('lastSeen', new Date().toISOString());
	e.app.unsafeWithoutHooks().save(kiosk);
	const settings = kioskSettings(kiosk);
	return e.json(200, {
		name: kiosk.getString('name'),
		location: kiosk.getString('location'),
		idleSeconds: Number(settings.idleSeconds) || 0,
		assistedIdleSeconds: Number(settings.assistedIdleSeconds) || 0
	});
}

/** POST /api/stadsstem/kiosk/unlock {pin}: a short-lived assisted session. */
function unlock(e) {
	const kiosk = requireKiosk(e);
	const now = Date.now();
	const lockedUntil = timeOf(kiosk, 'lockedUntil');
	if (lockedUntil > now) {
		return e.json(423, {
			code: 'locked',
			message: 'Too many wrong PINs: wait until the lock ends.',
			lockedUntil: new Date(lockedUntil).toISOString()
		});
	}
	// A PIN of the wrong type is refused before it can count as a wrong try.
	const b = require(`${__hooks}/lib/body.js`);
	const pin = b.text(b.object(e), 'pin').slice(0, 32);
	if (!pinMatches(kiosk.getString('pinHash'), pin)) {
		const failed = kiosk.getInt('failedPins') + 1;
		if (failed >= MAX_FAILED_PINS) {
			const until = new Date(now + LOCK_MINUTES * 60 * 1000).toISOString();
			kiosk.set('failedPins', 0);
			kiosk.set('lockedUntil', until);
			kiosk.set('assistedHash', '');
			e.app.unsafeWithoutHooks().save(kiosk);
			return e.json(423, {
				code: 'locked',
				message: 'Too many wrong PINs: wait until the lock ends.',
				lockedUntil: until
			});
		}
		kiosk.set('failedPins', failed);
		e.app.unsafeWithoutHooks().save(kiosk);
		return e.json(403, {
			code: 'wrong_pin',
			message: 'This PIN is not right.',
			attemptsLeft: MAX_FAILED_PINS - failed
		});
	}
	const session = $security.randomString(40);
	const expires = new Date(now + SESSION_MINUTES * 60 * 1000).toISOString();
	kiosk.set('failedPins', 0);
	kiosk.set('lockedUntil', '');
	kiosk.set('assistedHash', $security.sha256(session));
	kiosk.set('assistedUntil', expires);
	kiosk.set('lastSeen', new Date(now).toISOString());
	e.app.unsafeWithoutHooks().save(kiosk);
	return e.json(200, { session: session, expires: expires });
}

/** POST /api/stadsstem/kiosk/lock: assisted mode ends (helper leaves it, or a reset). */
function lock(e) {
	const kiosk = requireKiosk(e);
	kiosk.set('assistedHash', '');
	kiosk.set('assistedUntil', '');
	e.app.unsafeWithoutHooks().save(kiosk);
	return e.noContent(204);
}

/**
 * Before a response or melding is created: channel "kiosk", the kiosk and
 * `assisted` only when the token (and for assisted, the session) check out;
 * otherwise the fields are stripped, whatever the browser sent.
 */
function stamp(e) {
	if (e.hasSuperuserAuth()) return;
	const record = e.record;
	const kiosk = findKiosk(e.app, e);
	if (kiosk) {
		record.set('channel', 'kiosk');
		record.set('kiosk', kiosk.id);
		record.set('assisted', assistedValid(kiosk, e));
	} else {
		record.set('kiosk', '');
		record.set('assisted', false);
		if (record.getString('channel') === 'kiosk') record.set('channel', 'web');
	}
}

module.exports = { hello, unlock, lock, stamp, pinHash, TOKEN_HEADER, SESSION_HEADER };
