// Journey events as DESIGN.md §7 describes them, and nothing else: known fields
// only, codes rather than text, a time that is neither in the future nor older
// than we keep. A refused event throws, so that a batch with one bad event
// stores none of them.
/// <reference path="../../pb_data/types.d.ts" />

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_RETENTION_DAYS = 180;
/** Phones' clocks drift; a few minutes ahead is still "now". */
const FUTURE_SKEW_MS = 5 * 60 * 1000;
/** The whole event as JSON; a real one is about 250 bytes. */
const MAX_EVENT_BYTES = 1024;

/** What a browser may send. `kiosk` is not among them: only the server knows a kiosk. */
const FIELDS = [
	'journeyId',
	'process',
	'step',
	'type',
	'at',
	'channel',
	'assisted',
	'language',
	'detail'
];
/**
 * The browser names each event (a random id, as PocketBase makes them), so that sending it again
 * (the page could not hear the first answer) stores it once: see storedAlready.
 */
const EVENT_ID = /^[a-z0-9]{15}$/;
const TYPES = ['start', 'step', 'error', 'complete'];
const CHANNELS = ['web', 'app', 'kiosk'];
const PATTERNS = {
	journeyId: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
	process: /^(melding|survey:[a-z0-9]+(-[a-z0-9]+)*|kiosk:[a-z0-9]+(-[a-z0-9]+)*)$/,
	step: /^[a-z0-9][a-z0-9_-]{0,59}$/,
	at: /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/,
	language: /^[a-z]{2}(-[A-Z]{2})?$/,
	detail: /^[a-z0-9][a-z0-9_.:-]{0,63}$/
};

function retentionDays() {
	const days = parseInt($os.getenv('STADSSTEM_JOURNEY_RETENTION_DAYS'), 10);
	return days > 0 ? days : DEFAULT_RETENTION_DAYS;
}

function refuse(field, code, message) {
	throw new BadRequestError(message, { [field]: new ValidationError(code, message) });
}

function isText(value) {
	return typeof value === 'string';
}

/** Checks the submitted body (not the record: it would silently drop unknown keys). */
function checkBody(body, now) {
	if (!body || typeof body !== 'object') refuse('event', 'not_an_object', 'Send one event.');
	// PocketBase has already parsed a date field into a DateTime; compare its text form.
	if (body.at && typeof body.at === 'object') {
		const parsed =
			typeof body.at.isZero === 'function' && !body.at.isZero() ? body.at.string() : '';
		body = Object.assign({}, body, { at: parsed || 'invalid' });
	}
	if (JSON.stringify(body).length > MAX_EVENT_BYTES) {
		refuse('event', 'too_large', `An event is at most ${MAX_EVENT_BYTES} bytes.`);
	}
	for (const key of Object.keys(body)) {
		if (key === 'id') continue;
		if (FIELDS.indexOf(key) < 0)
			refuse(key, 'unknown_field', `"${key}" is not a journey event field.`);
	}
	if (body.id !== undefined && !(isText(body.id) && EVENT_ID.test(body.id))) {
		refuse('id', 'invalid_format', 'An event id is 15 random letters and digits.');
	}
	for (const key of ['journeyId', 'process', 'step', 'type', 'at', 'channel']) {
		if (!isText(body[key]) || body[key] === '') refuse(key, 'missing', `"${key}" is required.`);
	}
	for (const key of Object.keys(PATTERNS)) {
		const value = body[key];
		if (value === undefined || value === null || (value === '' && key !== 'at')) continue;
		if (!isText(value) || !PATTERNS[key].test(value)) {
			refuse(key, 'invalid_format', `"${key}" does not have the expected form.`);
		}
	}
	if (TYPES.indexOf(body.type) < 0) refuse('type', 'invalid_value', 'Unknown event type.');
	if (CHANNELS.indexOf(body.channel) < 0) refuse('channel', 'invalid_value', 'Unknown channel.');
	if (body.assisted !== undefined && typeof body.assisted !== 'boolean') {
		refuse('assisted', 'invalid_value', '"assisted" is true or false.');
	}
	// Only errors carry a detail, and that is always a code, never what someone typed.
	if (body.detail && body.type !== 'error') {
		refuse('detail', 'invalid_value', 'Only error events carry a detail code.');
	}
	const at = Date.parse(String(body.at).replace(' ', 'T'));
	if (isNaN(at)) refuse('at', 'invalid_format', '"at" is not a valid time.');
	if (at > now + FUTURE_SKEW_MS) refuse('at', 'in_future', '"at" lies in the future.');
	if (at < now - retentionDays() * DAY_MS) {
		refuse('at', 'too_old', '"at" is older than journey events are kept.');
	}
}

/** Kiosk and assisted come from the kiosk token and helper session, never from the browser. */
function stampKiosk(e) {
	let kiosk;
	try {
		kiosk = require(`${__hooks}/lib/kiosk.js`);
	} catch (_) {
		kiosk = null;
	}
	if (kiosk && kiosk.stamp) {
		kiosk.stamp(e);
		return;
	}
	e.record.set('kiosk', '');
	e.record.set('assisted', false);
}

/** The handler of onRecordCreateRequest for `journey_events`. */
function checkCreate(e) {
	// Superusers import and seed history (a migration, the tests), so their times are free.
	if (e.hasSuperuserAuth()) return;
	checkBody(e.requestInfo().body, Date.now());
	stampKiosk(e);
}

/** True when the event's id is already stored: a resend, to be answered as a success. */
function storedAlready(e) {
	const id = e.record.id;
	if (!id) return false;
	try {
		e.app.findRecordById('journey_events', id);
		return true;
	} catch (_) {
		return false;
	}
}

/** PocketBase's stored date form, which sorts as text. */
function storedDate(ms) {
	return new Date(ms).toISOString().replace('T', ' ');
}

/** Deletes the events older than the retention period; returns what it did. */
function purge(app, now) {
	const days = retentionDays();
	const cutoff = storedDate(now - days * DAY_MS);
	// One statement: no record hooks to run, no files to remove, and fast on millions of rows.
	const result = app
		.db()
		.newQuery('DELETE FROM journey_events WHERE at < {:cutoff}')
		.bind({ cutoff: cutoff })
		.execute();
	const deleted = result.rowsAffected();
	app.logger().info('journey events retention', 'deleted', deleted, 'cutoff', cutoff);
	return { deleted: deleted, cutoff: cutoff, retentionDays: days };
}

/** The staff page looks at this many recent days unless it asks for another period. */
const DEFAULT_PERIOD_DAYS = 90;

/** A period in whole days from a query parameter; the default when absent or not a number. */
function periodDays(text) {
	const days = parseInt(text, 10);
	if (!(days > 0)) return DEFAULT_PERIOD_DAYS;
	// Nothing older than the retention period is kept anyway.
	return Math.min(days, retentionDays());
}

/** Processes with events in the last `days` days, with their journeys and events, most journeys first. */
function processes(app, now, days) {
	const since = storedDate(now - days * DAY_MS);
	const rows = arrayOf(new DynamicModel({ process: '', journeys: 0, events: 0, last: '' }));
	app
		.db()
		.newQuery(
			'SELECT process, COUNT(DISTINCT journeyId) AS journeys, COUNT(*) AS events, MAX(at) AS last FROM journey_events WHERE at >= {:since} GROUP BY process ORDER BY journeys DESC, process'
		)
		.bind({ since: since })
		.all(rows);
	return {
		days: days,
		since: since,
		items: rows.map((row) => ({
			process: row.process,
			journeys: row.journeys,
			events: row.events,
			last: row.last
		}))
	};
}

/** A positive whole number from the environment, or undefined. */
function envLimit(name) {
	const value = parseInt($os.getenv(name), 10);
	return value > 0 ? value : undefined;
}

/** Sets the batch and journey event limits from the environment, in memory only. */
function applyRateLimits(settings) {
	const limits = {
		'/api/batch': envLimit('STADSSTEM_BATCH_RATE_LIMIT'),
		'journey_events:create': envLimit('STADSSTEM_JOURNEY_RATE_LIMIT')
	};
	// The rules are a Go slice of structs: build plain copies and assign them back.
	const rules = settings.rateLimits.rules;
	const updated = [];
	for (let i = 0; i < rules.length; i++) {
		const rule = rules[i];
		const limit = limits[rule.label];
		updated.push({
			label: rule.label,
			audience: rule.audience,
			// Per minute, whatever the stored rule said, when the environment sets it.
			duration: limit ? 60 : rule.duration,
			maxRequests: limit || rule.maxRequests
		});
	}
	settings.rateLimits.rules = updated;
}

module.exports = {
	checkCreate,
	checkBody,
	storedAlready,
	purge,
	processes,
	periodDays,
	retentionDays,
	storedDate,
	applyRateLimits
};
