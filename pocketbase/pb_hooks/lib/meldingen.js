/// <reference path="../../pb_data/types.d.ts" />
// Shared server logic for meldingen (issue 4), used by meldingen.pb.js and
// open311.pb.js. PocketBase runs every route handler in its own JS runtime, so
// handlers require() this module instead of sharing top-level variables.

// No look-alikes (0/O, 1/I): a code read aloud over the phone stays right.
// 32 symbols × 8 positions = 40 bits from the crypto random source.
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;
const CODE_PATTERN = /^[2-9A-HJ-NP-Z]{8}$/;

// The status flow has one source, shared with the staff pages:
// web/lib/components/meldingen/status.ts, bundled here by pocketbase/server.ts.
const {
	STATUSES,
	PUBLIC_STATUS,
	OPEN_STATUSES,
	CLOSING,
	TRANSITIONS,
	RESIDENT_REOPENABLE
} = require(`${__hooks}/lib/generated/meldingen-status.cjs`);

const DESCRIPTION_MAX = 2000;
const REASON_MAX = 1000;
const NOTE_MAX = 2000;
const NEARBY_METRES = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function env(name) {
	return $os.getenv(name) || '';
}

let districtCache = null;

/** The configured district boundaries (GeoJSON); the demo file holds rough demo polygons. */
function districts() {
	if (districtCache) return districtCache;
	const file = env('STADSSTEM_DISTRICTS_GEOJSON') || `${__hooks}/lib/districts.demo.geojson`;
	try {
		districtCache = JSON.parse(toString($os.readFile(file)));
	} catch (error) {
		console.error(`districts: cannot read ${file}: ${error}`);
		districtCache = { type: 'FeatureCollection', features: [] };
	}
	return districtCache;
}

/** The city's bounding box [west, south, east, north]: the GeoJSON's bbox, else Antwerp's. */
function bbox() {
	const configured = env('STADSSTEM_CITY_BBOX');
	if (configured) return configured.split(',').map(Number);
	return districts().bbox || [4.21, 51.14, 4.5, 51.38];
}

function insideBox(lat, lon) {
	const box = bbox();
	return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}

/** Ray casting over one ring of [lon, lat] pairs. */
function inRing(lon, lat, ring) {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const xi = ring[i][0];
		const yi = ring[i][1];
		const xj = ring[j][0];
		const yj = ring[j][1];
		if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

function inPolygon(lon, lat, rings) {
	if (!inRing(lon, lat, rings[0])) return false;
	for (let h = 1; h < rings.length; h++) if (inRing(lon, lat, rings[h])) return false;
	return true;
}

/** The district a point lies in, or '' when no boundary holds it. */
function districtOf(lat, lon) {
	for (const feature of districts().features || []) {
		const geometry = feature.geometry || {};
		const polygons =
			geometry.type === 'Polygon'
				? [geometry.coordinates]
				: geometry.type === 'MultiPolygon'
					? geometry.coordinates
					: [];
		for (const rings of polygons) {
			if (inPolygon(lon, lat, rings)) return (feature.properties || {}).district || '';
		}
	}
	return '';
}

/** Great-circle distance in metres. */
function distance(latA, lonA, latB, lonB) {
	const rad = Math.PI / 180;
	const dLat = (latB - latA) * rad;
	const dLon = (lonB - lonA) * rad;
	const a =
		Math.sin(dLat / 2) ** 2 + Math.cos(latA * rad) * Math.cos(latB * rad) * Math.sin(dLon / 2) ** 2;
	return 6371000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

function fieldError(code, message) {
	return new ValidationError(code, message);
}

/** Throws a 400 whose data maps each field to {code, message}, as PocketBase's own errors do. */
function reject(errors, message) {
	throw new BadRequestError(message || 'The melding has problems; nothing was stored.', errors);
}

/** A code unused by any melding and any follower: both prove ownership by code alone. */
function newCode(app) {
	for (let attempt = 0; attempt < 10; attempt++) {
		const code = $security.randomStringWithAlphabet(CODE_LENGTH, CODE_ALPHABET);
		let taken = false;
		for (const collection of ['meldingen', 'melding_followers']) {
			try {
				app.findFirstRecordByData(collection, 'code', code);
				taken = true;
			} catch {
				// not used in this collection
			}
		}
		if (!taken) return code;
	}
	throw new InternalServerError('Could not make a unique code.');
}

function newUuid() {
	const hex = $security.randomStringWithAlphabet(32, '0123456789abcdef');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function findCategory(app, idOrCode) {
	if (!idOrCode) return null;
	try {
		return app.findRecordById('categories', idOrCode);
	} catch {
		try {
			return app.findFirstRecordByData('categories', 'code', idOrCode);
		} catch {
			return null;
		}
	}
}

function localized(value, language) {
	if (!value) return '';
	if (typeof value === 'string') return value;
	return value[language] || value.nl || '';
}

function jsonValue(record, field) {
	const raw = record.get(field);
	if (raw === null || raw === undefined || raw === '') return null;
	try {
		return JSON.parse(toString(raw));
	} catch {
		return raw;
	}
}

/** Checks the answers to a category's extra questions; unknown questions are refused. */
function checkExtra(category, extra) {
	if (extra === null || extra === undefined || extra === '') return null;
	if (typeof extra !== 'object' || Array.isArray(extra)) return 'extra_invalid';
	const questions = jsonValue(category, 'extraQuestions') || [];
	for (const key of Object.keys(extra)) {
		const question = questions.find((candidate) => candidate.id === key);
		if (!question) return 'extra_unknown_question';
		const answer = extra[key];
		if (answer === '' || answer === null) continue;
		if (question.type === 'single') {
			if (!(question.options || []).some((option) => option.value === answer))
				return 'extra_invalid_option';
		} else if (question.type === 'yesno') {
			if (answer !== true && answer !== false && answer !== 'yes' && answer !== 'no')
				return 'extra_invalid_option';
		} else if (typeof answer !== 'string' || answer.length > (question.maxLength || 200)) {
			return 'extra_too_long';
		}
	}
	return null;
}

/**
 * Validates a new melding and fills what only the server decides: code,
 * status, public status, district. Residents can never choose a status.
 */
function prepareNew(app, record, options) {
	const errors = {};
	const category = findCategory(app, record.getString('category'));
	if (!record.getString('category')) {
		errors.category = fieldError('category_missing', 'Choose a category.');
	} else if (!category || !category.getBool('active')) {
		errors.category = fieldError('category_unknown', 'This category does not exist.');
	} else {
		record.set('category', category.id);
	}

	const description = record.getString('description');
	if ([...description].length > DESCRIPTION_MAX) {
		errors.description = fieldError(
			'description_too_long',
			`The description has more than ${DESCRIPTION_MAX} characters.`
		);
	}

	const point = record.get('location');
	const lat = point ? Number(point.lat) : 0;
	const lon = point ? Number(point.lon) : 0;
	const hasPoint = !(lat === 0 && lon === 0);
	const address = record.getString('address').trim();
	if (!hasPoint && !address) {
		errors.location = fieldError('location_missing', 'Give the place: a point or an address.');
	} else if (hasPoint && !insideBox(lat, lon)) {
		errors.location = fieldError('location_outside_city', 'This place is outside the city.');
	}
	record.set('address', address);

	const email = record.getString('email').trim();
	if (email && !EMAIL.test(email)) {
		errors.email = fieldError('email_invalid', 'This is not an email address.');
	}

	if (category) {
		const problem = checkExtra(category, jsonValue(record, 'extra'));
		if (problem) errors.extra = fieldError(problem, 'An answer to an extra question is not valid.');
	}

	const channel = record.getString('channel');
	if (options.channel && channel !== options.channel) {
		record.set('channel', options.channel);
	} else if (!options.channel && channel === 'open311') {
		errors.channel = fieldError('channel_invalid', 'This channel is for the Open311 API only.');
	}
	if (!UUID.test(record.getString('clientId'))) {
		if (options.generateClientId) record.set('clientId', newUuid());
		else errors.clientId = fieldError('client_id_invalid', 'A client id (UUID) is needed.');
	}

	if (Object.keys(errors).length > 0) reject(errors);

	record.set('code', newCode(app));
	record.set('status', 'new');
	record.set('publicStatus', PUBLIC_STATUS.new);
	record.set('duplicateOf', '');
	record.set('reopenCount', 0);
	record.set('followerCount', 0);
	record.set('closedAt', '');
	record.set('district', hasPoint ? districtOf(lat, lon) : '');
	return category;
}

function isoDate(value) {
	const text = String(value || '');
	if (!text) return null;
	return new Date(text.replace(' ', 'T')).toISOString();
}

function normalizeCode(code) {
	const normalized = String(code || '')
		.trim()
		.toUpperCase();
	return CODE_PATTERN.test(normalized) ? normalized : '';
}

/** The melding a device filed under this clientId, or null. */
function findByClientId(app, clientId) {
	if (!UUID.test(String(clientId || ''))) return null;
	try {
		return app.findFirstRecordByData('meldingen', 'clientId', clientId);
	} catch {
		return null;
	}
}

/** What a resend learns: the melding it already filed, without what it sent along. */
function resentView(record) {
	return {
		collectionName: 'meldingen',
		id: record.id,
		code: record.getString('code'),
		category: record.getString('category'),
		status: record.getString('status'),
		publicStatus: record.getString('publicStatus'),
		created: record.getString('created'),
		resent: true
	};
}

/** The melding whose reporter holds this code (not a follower's code). */
function findByCode(app, code) {
	const normalized = normalizeCode(code);
	if (!normalized) return null;
	try {
		return app.findFirstRecordByData('meldingen', 'code', normalized);
	} catch {
		return null;
	}
}

/**
 * What a resident's code opens: their own melding, or the melding they follow
 * (follower set). Returns null for an unknown code.
 */
function findTracked(app, code) {
	const normalized = normalizeCode(code);
	if (!normalized) return null;
	const melding = findByCode(app, normalized);
	if (melding) return { melding, follower: null };
	try {
		const follower = app.findFirstRecordByData('melding_followers', 'code', normalized);
		return { melding: app.findRecordById('meldingen', follower.getString('melding')), follower };
	} catch {
		return null;
	}
}

/** A melding by its record id, as nearby lists it; never by code. */
function findById(app, id) {
	const text = String(id || '');
	if (!/^[a-z0-9]{15}$/.test(text)) return null;
	try {
		return app.findRecordById('meldingen', text);
	} catch {
		return null;
	}
}

function updatesOf(app, melding) {
	return app.findRecordsByFilter('melding_updates', 'melding = {:id}', 'created', 500, 0, {
		id: melding.id
	});
}

/**
 * What anyone holding the code may see: never the email, the description, the
 * photos or internal notes. A description or photo can say who someone is.
 * follower: the follow row when a follower's code opened it; the view then
 * carries that code, never the reporter's.
 */
function publicView(app, melding, follower) {
	const category = findCategory(app, melding.getString('category'));
	const point = melding.get('location');
	const status = melding.getString('status');
	let duplicateOf = null;
	if (status === 'duplicate' && melding.getString('duplicateOf')) {
		// The merge made this viewer follow the original: point at their own follower code.
		const clientId = follower ? follower.getString('clientId') : melding.getString('clientId');
		try {
			duplicateOf = app
				.findFirstRecordByFilter('melding_followers', 'melding = {:m} && clientId = {:c}', {
					m: melding.getString('duplicateOf'),
					c: clientId
				})
				.getString('code');
		} catch {
			duplicateOf = null;
		}
	}
	const timeline = [
		{
			publicStatus: 'received',
			note: '',
			byResident: false,
			at: isoDate(melding.getString('created'))
		}
	];
	for (const update of updatesOf(app, melding)) {
		const updateStatus = update.getString('status');
		timeline.push({
			publicStatus: PUBLIC_STATUS[updateStatus] || PUBLIC_STATUS[status],
			reopened: updateStatus === 'reopened',
			note: update.getString('publicNote'),
			byResident: update.getBool('byResident'),
			at: isoDate(update.getString('created'))
		});
	}
	const lat = point ? Number(point.lat) : 0;
	const lon = point ? Number(point.lon) : 0;
	return {
		code: follower ? follower.getString('code') : melding.getString('code'),
		following: !!follower,
		publicStatus: melding.getString('publicStatus'),
		open: OPEN_STATUSES.indexOf(status) >= 0,
		canReopen: RESIDENT_REOPENABLE.indexOf(status) >= 0,
		duplicateOf,
		category: category
			? {
					code: category.getString('code'),
					name: jsonValue(category, 'name'),
					icon: category.getString('icon')
				}
			: null,
		address: melding.getString('address'),
		location: lat === 0 && lon === 0 ? null : { lat, lon },
		district: melding.getString('district'),
		followerCount: melding.getInt('followerCount'),
		created: isoDate(melding.getString('created')),
		updated: isoDate(melding.getString('updated')),
		closedAt: isoDate(melding.getString('closedAt')),
		timeline
	};
}

/** Everyone who asked for email about this melding, each with their own code and language. */
function recipients(app, melding) {
	const people = [];
	const seen = [];
	if (melding.getString('email')) {
		people.push({
			email: melding.getString('email'),
			code: melding.getString('code'),
			language: melding.getString('language')
		});
		seen.push(melding.getString('email'));
	}
	const followers = app.findRecordsByFilter(
		'melding_followers',
		"melding = {:id} && email != ''",
		'created',
		1000,
		0,
		{ id: melding.id }
	);
	for (const follower of followers) {
		const email = follower.getString('email');
		if (seen.indexOf(email) >= 0) continue;
		seen.push(email);
		people.push({
			email,
			code: follower.getString('code'),
			language: follower.getString('language')
		});
	}
	return people;
}

function mailStatus(app, melding, note) {
	const mail = require(`${__hooks}/lib/meldingen-mail.js`);
	const canReopen = RESIDENT_REOPENABLE.indexOf(melding.getString('status')) >= 0;
	let sent = 0;
	for (const person of recipients(app, melding)) {
		sent += mail.mailStatus(app, person, melding.getString('publicStatus'), note, canReopen);
	}
	return sent;
}

function mailReceived(app, melding, address) {
	return require(`${__hooks}/lib/meldingen-mail.js`).mailReceived(
		app,
		address,
		melding.getString('code'),
		melding.getString('language')
	);
}

function sendTo(app, topic, data) {
	const message = new SubscriptionMessage({ name: topic, data: JSON.stringify(data) });
	const clients = app.subscriptionsBroker().clients();
	for (const id in clients) {
		if (clients[id].hasSubscription(topic)) clients[id].send(message);
	}
}

function subscribedTopics(app) {
	const topics = {};
	const clients = app.subscriptionsBroker().clients();
	for (const id in clients) {
		const subscriptions = clients[id].subscriptions('melding-status/');
		for (const topic in subscriptions) topics[topic] = true;
	}
	return topics;
}

/**
 * Live update for status pages that subscribed to a code of this melding
 * (PocketBase realtime): the reporter's, and each follower's with their own view.
 */
function broadcast(app, melding) {
	const topics = subscribedTopics(app);
	const own = `melding-status/${melding.getString('code')}`;
	if (topics[own]) sendTo(app, own, publicView(app, melding));
	const followers = app.findRecordsByFilter(
		'melding_followers',
		"melding = {:id} && code != ''",
		'',
		1000,
		0,
		{ id: melding.id }
	);
	for (const follower of followers) {
		const topic = `melding-status/${follower.getString('code')}`;
		if (topics[topic]) sendTo(app, topic, publicView(app, melding, follower));
	}
}

/**
 * Changes the status in one transaction and writes the timeline row. Throws a
 * 400 for a transition the flow does not allow.
 */
function changeStatus(app, melding, change) {
	const from = melding.getString('status');
	const to = change.status || from;
	if (STATUSES.indexOf(to) < 0) {
		reject({ status: fieldError('status_unknown', 'Unknown status.') });
	}
	const noteOnly = to === from;
	if (!noteOnly && (TRANSITIONS[from] || []).indexOf(to) < 0) {
		reject(
			{ status: fieldError('transition_refused', `A melding cannot go from ${from} to ${to}.`) },
			`A melding cannot go from ${from} to ${to}.`
		);
	}
	const publicNote = String(change.publicNote || '').trim();
	const internalNote = String(change.internalNote || '').trim();
	if (noteOnly && !publicNote && !internalNote) {
		reject({ status: fieldError('nothing_changed', 'Choose a new status or write a note.') });
	}
	if ([...publicNote].length > (change.byResident ? REASON_MAX : NOTE_MAX)) {
		reject({ publicNote: fieldError('note_too_long', 'The note is too long.') });
	}
	if ([...internalNote].length > (change.byResident ? REASON_MAX : NOTE_MAX)) {
		reject({ internalNote: fieldError('note_too_long', 'The note is too long.') });
	}
	let original = null;
	if (to === 'duplicate' && !noteOnly) {
		original = findByCode(app, change.duplicateOf);
		if (!original) {
			try {
				original = app.findRecordById('meldingen', String(change.duplicateOf || ''));
			} catch {
				original = null;
			}
		}
		if (!original || original.id === melding.id) {
			reject({
				duplicateOf: fieldError('duplicate_unknown', 'Give the code of the original melding.')
			});
		}
		if (original.getString('status') === 'duplicate') {
			reject({
				duplicateOf: fieldError('duplicate_of_duplicate', 'That melding is itself a duplicate.')
			});
		}
	}

	app.runInTransaction((tx) => {
		if (!noteOnly) {
			melding.set('status', to);
			melding.set('publicStatus', PUBLIC_STATUS[to]);
			melding.set('closedAt', CLOSING.indexOf(to) >= 0 ? new DateTime() : '');
			if (to === 'reopened') melding.set('reopenCount', melding.getInt('reopenCount') + 1);
			melding.set(
				'duplicateOf',
				original ? original.id : to === 'reopened' ? '' : melding.getString('duplicateOf')
			);
			tx.save(melding);
		}
		const collection = tx.findCollectionByNameOrId('melding_updates');
		const update = new Record(collection);
		update.set('melding', melding.id);
		update.set('status', to);
		update.set('previousStatus', from);
		update.set('publicNote', publicNote);
		update.set('internalNote', internalNote);
		update.set('byResident', !!change.byResident);
		if (change.author) update.set('author', change.author);
		tx.save(update);

		// Merging: whoever followed the duplicate now follows the original.
		if (original) {
			const people = [];
			if (melding.getString('email') || melding.getString('clientId')) {
				people.push({
					email: melding.getString('email'),
					clientId: melding.getString('clientId'),
					language: melding.getString('language')
				});
			}
			for (const follower of tx.findRecordsByFilter(
				'melding_followers',
				'melding = {:id}',
				'',
				1000,
				0,
				{ id: melding.id }
			)) {
				people.push({
					email: follower.getString('email'),
					clientId: follower.getString('clientId'),
					language: follower.getString('language')
				});
			}
			let added = 0;
			for (const person of people) {
				added += addFollower(tx, original, person) ? 1 : 0;
			}
			if (added) {
				original.set('followerCount', original.getInt('followerCount') + added);
				tx.save(original);
			}
		}
	});
	return { noteOnly, original };
}

/**
 * Adds a follower with a code of their own unless this device already follows;
 * returns whether one was added.
 */
function addFollower(app, melding, person) {
	try {
		app.findFirstRecordByFilter('melding_followers', 'melding = {:m} && clientId = {:c}', {
			m: melding.id,
			c: person.clientId
		});
		return false;
	} catch {
		// not following yet
	}
	const follower = new Record(app.findCollectionByNameOrId('melding_followers'));
	follower.set('melding', melding.id);
	follower.set('clientId', person.clientId);
	follower.set('email', person.email || '');
	follower.set('code', newCode(app));
	if (person.language) follower.set('language', String(person.language).slice(0, 8));
	app.save(follower);
	return true;
}

module.exports = {
	CODE_PATTERN,
	STATUSES,
	PUBLIC_STATUS,
	OPEN_STATUSES,
	TRANSITIONS,
	RESIDENT_REOPENABLE,
	DESCRIPTION_MAX,
	REASON_MAX,
	NEARBY_METRES,
	UUID,
	EMAIL,
	env,
	bbox,
	districts,
	districtOf,
	insideBox,
	distance,
	fieldError,
	reject,
	newUuid,
	findCategory,
	localized,
	jsonValue,
	prepareNew,
	isoDate,
	findByCode,
	findByClientId,
	resentView,
	findTracked,
	findById,
	publicView,
	mailStatus,
	mailReceived,
	broadcast,
	changeStatus,
	addFollower
};
