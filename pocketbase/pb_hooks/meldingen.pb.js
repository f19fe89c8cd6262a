/// <reference path="../pb_data/types.d.ts" />
// Meldingen (issue 4): the server decides code, status and district; residents
// read by code through routes that return public fields only; staff change
// status through one route that enforces the flow and writes the timeline.
// Each handler requires the shared module itself: PocketBase runs handlers in
// separate JS runtimes that do not share this file's top-level scope.

onRecordCreateRequest((e) => {
	const m = require(`${__hooks}/lib/meldingen.js`);
	if (e.hasSuperuserAuth()) {
		if (!e.record.getString('code')) m.prepareNew(e.app, e.record, { generateClientId: true });
	} else {
		// A resend of a melding that already arrived (its answer was lost on a weak
		// connection): the same clientId, known only to the device that sent it,
		// gets the same code back, and nothing is filed twice.
		const earlier = m.findByClientId(e.app, e.record.getString('clientId'));
		if (earlier) return e.json(200, m.resentView(earlier));
		// Whatever status, code or district a resident sends is overwritten here.
		m.prepareNew(e.app, e.record, {});
	}
	e.next();
	const email = e.record.getString('email');
	if (email) m.mailReceived(e.app, e.record, email);
}, 'meldingen');

// Status, code and the reporter's identity change only through the routes below.
onRecordUpdateRequest((e) => {
	if (!e.hasSuperuserAuth()) {
		const original = e.record.original();
		for (const field of [
			'code',
			'status',
			'publicStatus',
			'duplicateOf',
			'email',
			'clientId',
			'reopenCount',
			'followerCount',
			'closedAt',
			'channel'
		]) {
			if (String(e.record.get(field)) !== String(original.get(field))) {
				throw new BadRequestError(`Change ${field} through the status route.`, {
					[field]: new ValidationError(
						'field_locked',
						'This field changes only through the status flow.'
					)
				});
			}
		}
	}
	e.next();
}, 'meldingen');

// Open meldingen of one category within 50 m: "is this it? follow it instead".
routerAdd('GET', '/api/stadsstem/meldingen/nearby', (e) => {
	const m = require(`${__hooks}/lib/meldingen.js`);
	const query = e.request.url.query();
	const lat = parseFloat(query.get('lat'));
	const lon = parseFloat(query.get('lon'));
	const category = m.findCategory(e.app, query.get('category'));
	if (!category) {
		m.reject({ category: m.fieldError('category_unknown', 'This category does not exist.') });
	}
	if (!isFinite(lat) || !isFinite(lon) || !m.insideBox(lat, lon)) {
		m.reject({
			location: m.fieldError('location_outside_city', 'This place is outside the city.')
		});
	}
	const found = e.app.findRecordsByFilter(
		'meldingen',
		"category = {:category} && (status = 'new' || status = 'accepted' || status = 'planned' || status = 'in_progress' || status = 'reopened') && geoDistance(location.lon, location.lat, {:lon}, {:lat}) <= {:km}",
		'-created',
		20,
		0,
		{ category: category.id, lat, lon, km: m.NEARBY_METRES / 1000 }
	);
	// No codes here: a code proves ownership. Residents follow by record id.
	const items = found
		.map((melding) => {
			const view = m.publicView(e.app, melding);
			view.distance = Math.round(m.distance(lat, lon, view.location.lat, view.location.lon));
			return {
				id: melding.id,
				publicStatus: view.publicStatus,
				open: view.open,
				category: view.category,
				address: view.address,
				location: view.location,
				district: view.district,
				followerCount: view.followerCount,
				created: view.created,
				distance: view.distance
			};
		})
		.sort((a, b) => a.distance - b.distance);
	return e.json(200, { items });
});

// A resident's code: their own melding, or a melding they follow.
routerAdd('GET', '/api/stadsstem/meldingen/{code}', (e) => {
	const m = require(`${__hooks}/lib/meldingen.js`);
	const tracked = m.findTracked(e.app, e.request.pathValue('code'));
	if (!tracked) throw new NotFoundError('No melding has this code.');
	return e.json(200, m.publicView(e.app, tracked.melding, tracked.follower));
});

// A resident follows an open melding (by record id, from nearby) instead of
// filing a duplicate, and gets a code of their own for it.
routerAdd('POST', '/api/stadsstem/meldingen/{id}/follow', (e) => {
	const m = require(`${__hooks}/lib/meldingen.js`);
	const b = require(`${__hooks}/lib/body.js`);
	const melding = m.findById(e.app, e.request.pathValue('id'));
	if (!melding) throw new NotFoundError('No melding has this id.');
	const body = b.object(e);
	const clientId = b.text(body, 'clientId');
	const email = b.text(body, 'email').trim();
	const language = b.text(body, 'language');
	const errors = {};
	if (!m.UUID.test(clientId))
		errors.clientId = m.fieldError('client_id_invalid', 'A client id (UUID) is needed.');
	if (email && !m.EMAIL.test(email))
		errors.email = m.fieldError('email_invalid', 'This is not an email address.');
	if (language && !/^[a-z]{2}(-[A-Z]{2})?$/.test(language))
		errors.language = m.fieldError('language_invalid', 'This is not a language code.');
	if (m.OPEN_STATUSES.indexOf(melding.getString('status')) < 0)
		errors.melding = m.fieldError(
			'melding_closed',
			'This melding is closed; it cannot be followed.'
		);
	if (Object.keys(errors).length) m.reject(errors);
	e.app.runInTransaction((tx) => {
		const fresh = tx.findRecordById('meldingen', melding.id);
		if (m.addFollower(tx, fresh, { clientId, email, language })) {
			fresh.set('followerCount', fresh.getInt('followerCount') + 1);
			tx.save(fresh);
		}
	});
	const follower = e.app.findFirstRecordByFilter(
		'melding_followers',
		'melding = {:m} && clientId = {:c}',
		{ m: melding.id, c: clientId }
	);
	return e.json(200, m.publicView(e.app, e.app.findRecordById('meldingen', melding.id), follower));
});

// "Not fixed? Reopen" with a reason. The reason is for staff only: it may name people.
routerAdd('POST', '/api/stadsstem/meldingen/{code}/reopen', (e) => {
	const m = require(`${__hooks}/lib/meldingen.js`);
	const b = require(`${__hooks}/lib/body.js`);
	const tracked = m.findTracked(e.app, e.request.pathValue('code'));
	if (!tracked) throw new NotFoundError('No melding has this code.');
	const melding = tracked.melding;
	const reason = b.text(b.object(e), 'reason').trim();
	if (!reason)
		m.reject({ reason: m.fieldError('reason_missing', 'Say why the problem is not solved.') });
	if ([...reason].length > m.REASON_MAX)
		m.reject({ reason: m.fieldError('reason_too_long', 'The reason is too long.') });
	if (m.RESIDENT_REOPENABLE.indexOf(melding.getString('status')) < 0) {
		m.reject({ code: m.fieldError('reopen_refused', 'This melding cannot be reopened.') });
	}
	m.changeStatus(e.app, melding, { status: 'reopened', internalNote: reason, byResident: true });
	const fresh = e.app.findRecordById('meldingen', melding.id);
	m.broadcast(e.app, fresh);
	return e.json(200, m.publicView(e.app, fresh, tracked.follower));
});

// Staff: change status with a public and an internal note, or mark a duplicate.
routerAdd(
	'POST',
	'/api/stadsstem/staff/meldingen/{id}/status',
	(e) => {
		const m = require(`${__hooks}/lib/meldingen.js`);
		const role = e.auth.getString('role');
		if (role !== 'handler' && role !== 'admin') {
			throw new ForbiddenError('Only handlers change the status of meldingen.');
		}
		let melding;
		try {
			melding = e.app.findRecordById('meldingen', e.request.pathValue('id'));
		} catch {
			throw new NotFoundError('No such melding.');
		}
		const b = require(`${__hooks}/lib/body.js`);
		const body = b.object(e);
		const publicNote = b.text(body, 'publicNote').trim();
		const result = m.changeStatus(e.app, melding, {
			status: b.text(body, 'status'),
			publicNote,
			internalNote: b.text(body, 'internalNote'),
			duplicateOf: b.text(body, 'duplicateOf'),
			author: e.auth.id
		});
		const fresh = e.app.findRecordById('meldingen', melding.id);
		m.broadcast(e.app, fresh);
		let mailed = 0;
		// Residents hear about what they can see: a new public status or a public note.
		if (!result.noteOnly || publicNote) {
			mailed = m.mailStatus(e.app, fresh, publicNote);
		}
		if (result.original) m.broadcast(e.app, result.original);
		return e.json(200, {
			id: fresh.id,
			code: fresh.getString('code'),
			status: fresh.getString('status'),
			publicStatus: fresh.getString('publicStatus'),
			mailed
		});
	},
	$apis.requireAuth('users')
);

// What the map needs: the city's box, the district outlines and the tile source (if any).
routerAdd('GET', '/api/stadsstem/map', (e) => {
	const m = require(`${__hooks}/lib/meldingen.js`);
	return e.json(200, {
		bbox: m.bbox(),
		districts: m.districts(),
		tiles: m.env('STADSSTEM_MAP_TILES') || null,
		attribution: m.env('STADSSTEM_MAP_ATTRIBUTION') || null
	});
});
