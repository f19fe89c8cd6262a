/// <reference path="../../pb_data/types.d.ts" />
// Shared server logic for meldingen (issue 4), used by meldingen.pb.js and
// open311.pb.js. PocketBase runs every route handler in its own JS runtime, so
// handlers require() this module instead of sharing top-level variables.

// No look-alikes (0/O, 1/I): a code read aloud over the phone stays right.
// 32 symbols × 8 positions = 40 bits from the crypto random source.
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;
const CODE_PATTERN = /^[2-9A-HJ-NP-Z]{8}$/;

const STATUSES = [
	'new',
	'accepted',
	'planned',
	'in_progress',
	'fixed',
	'not_fixed',
	'not_ours',
	'duplicate',
	'reopened'
];

/** Internal status → the few public ones residents see. */
const PUBLIC_STATUS = {
	new: 'received',
	reopened: 'received',
	accepted: 'in_progress',
	planned: 'in_progress',
	in_progress: 'in_progress',
	fixed: 'done',
	not_fixed: 'closed',
	not_ours: 'closed',
	duplicate: 'closed'
};

const OPEN_STATUSES = ['new', 'accepted', 'planned', 'in_progress', 'reopened'];
const CLOSING = ['fixed', 'not_fixed', 'not_ours', 'duplicate'];

/** The status flow staff may take. A closed melding only reopens. */
const TRANSITIONS = {
	new: ['accepted', 'planned', 'in_progress', 'fixed', 'not_fixed', 'not_ours', 'duplicate'],
	accepted: ['planned', 'in_progress', 'fixed', 'not_fixed', 'not_ours', 'duplicate'],
	planned: ['accepted', 'in_progress', 'fixed', 'not_fixed', 'not_ours', 'duplicate'],
	in_progress: ['planned', 'fixed', 'not_fixed', 'not_ours', 'duplicate'],
	reopened: ['accepted', 'planned', 'in_progress', 'fixed', 'not_fixed', 'not_ours', 'duplicate'],
	fixed: ['reopened'],
	not_fixed: ['reopened'],
	not_ours: ['reopened'],
	duplicate: ['reopened']
};

/** A resident may reopen only what the city says is handled, not a duplicate or "not ours". */
const RESIDENT_REOPENABLE = ['fixed', 'not_fixed'];

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

function newCode(app) {
	for (let attempt = 0; attempt < 10; attempt++) {
		const code = $security.randomStringWithAlphabet(CODE_LENGTH, CODE_ALPHABET);
		try {
			app.findFirstRecordByData('meldingen', 'code', code);
		} catch {
			return code;
		}
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

function findByCode(app, code) {
	const normalized = String(code || '')
		.trim()
		.toUpperCase();
	if (!CODE_PATTERN.test(normalized)) return null;
	try {
		return app.findFirstRecordByData('meldingen', 'code', normalized);
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
 */
function publicView(app, melding) {
	const category = findCategory(app, melding.getString('category'));
	const point = melding.get('location');
	const status = melding.getString('status');
	let duplicateOf = null;
	if (status === 'duplicate' && melding.getString('duplicateOf')) {
		try {
			duplicateOf = app
				.findRecordById('meldingen', melding.getString('duplicateOf'))
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
		code: melding.getString('code'),
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

const PUBLIC_LABEL_NL = {
	received: 'ontvangen',
	in_progress: 'in behandeling',
	done: 'opgelost',
	closed: 'afgesloten'
};

function statusUrl(app, code) {
	return `${app.settings().meta.appURL.replace(/\/$/, '')}/melding/${code}`;
}

function escapeHtml(text) {
	return String(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** Sends one plain email per address; a mail failure never undoes the status change. */
function sendMail(app, addresses, subject, lines) {
	if (!app.settings().smtp.enabled || addresses.length === 0) return 0;
	const meta = app.settings().meta;
	let sent = 0;
	for (const address of addresses) {
		try {
			const message = new MailerMessage({
				from: { address: meta.senderAddress, name: meta.senderName },
				to: [{ address }],
				subject,
				text: lines.join('\n\n'),
				html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')
			});
			app.newMailClient().send(message);
			sent++;
		} catch (error) {
			console.error(`melding mail to a resident failed: ${error}`);
		}
	}
	return sent;
}

/** Everyone who asked for email about this melding: the reporter and the followers. */
function recipients(app, melding) {
	const addresses = [];
	if (melding.getString('email')) addresses.push(melding.getString('email'));
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
		if (addresses.indexOf(email) < 0) addresses.push(email);
	}
	return addresses;
}

function mailStatus(app, melding, note) {
	const code = melding.getString('code');
	const label = PUBLIC_LABEL_NL[melding.getString('publicStatus')] || '';
	const lines = [
		'Beste,',
		`Je melding ${code} is nu: ${label}.`,
		...(note ? [`Bericht van de stad: ${note}`] : []),
		`Bekijk je melding: ${statusUrl(app, code)}`,
		...(RESIDENT_REOPENABLE.indexOf(melding.getString('status')) >= 0
			? ['Is het probleem niet opgelost? Open je melding dan opnieuw via de link hierboven.']
			: []),
		'Je krijgt deze e-mail omdat je je e-mailadres gaf bij je melding. Stadsstem'
	];
	return sendMail(app, recipients(app, melding), `Je melding ${code}: ${label}`, lines);
}

function mailReceived(app, melding, address) {
	const code = melding.getString('code');
	return sendMail(app, [address], `Je melding ${code} is ontvangen`, [
		'Beste,',
		`We ontvingen je melding. Je code is ${code}.`,
		`Volg je melding: ${statusUrl(app, code)}`,
		'We sturen je een e-mail als er iets verandert. Stadsstem'
	]);
}

/** Live update for status pages that subscribed to this code (PocketBase realtime). */
function broadcast(app, melding) {
	const topic = `melding-status/${melding.getString('code')}`;
	const message = new SubscriptionMessage({
		name: topic,
		data: JSON.stringify(publicView(app, melding))
	});
	const clients = app.subscriptionsBroker().clients();
	for (const id in clients) {
		if (clients[id].hasSubscription(topic)) clients[id].send(message);
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
				people.push({ email: melding.getString('email'), clientId: melding.getString('clientId') });
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
					clientId: follower.getString('clientId')
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

/** Adds a follower unless this device already follows; returns whether one was added. */
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
	if (person.language) follower.set('language', person.language);
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
	publicView,
	mailStatus,
	mailReceived,
	broadcast,
	changeStatus,
	addFollower
};
