/// <reference path="../../pb_data/types.d.ts" />
// Open311 GeoReport v2 (JSON only) on top of meldingen. Categories are the
// services; a melding's record id is the service_request_id (never its code:
// the list is public, and a code proves ownership). Errors follow the spec:
// a list of {code, description} with status 400, 403 or 404.

const m = require(`${__hooks}/lib/meldingen.js`);

function jurisdiction() {
	return m.env('STADSSTEM_OPEN311_JURISDICTION') || 'antwerpen.be';
}

function fail(e, status, description) {
	return e.json(status, [{ code: status, description }]);
}

/** Reads query and form parameters as strings (PocketBase infers numbers from form data). */
function params(e) {
	const result = {};
	const info = e.requestInfo();
	const query = info.query || {};
	for (const key of Object.keys(query)) result[key] = String(query[key]);
	if (e.request.method === 'POST') {
		const body = info.body || {};
		// A form's values are text, though PocketBase parses "12" and "true" into a
		// number and a boolean: give them back as text. A JSON client may send
		// lat/long as numbers; any other non-text value (true, an object, a list)
		// is refused, never stored as "[object Object]".
		const json = String(e.request.header.get('Content-Type')).indexOf('json') >= 0;
		for (const key of Object.keys(body)) {
			let value = body[key];
			if (!json) {
				result[key] = Array.isArray(value) ? String(value[0]) : String(value);
				continue;
			}
			if ((key === 'lat' || key === 'long') && typeof value === 'number' && isFinite(value))
				value = String(value);
			if (typeof value !== 'string') {
				Object.defineProperty(result, '__wrongType', { value: key, enumerable: false });
				continue;
			}
			result[key] = value;
		}
	}
	return result;
}

/** Checks jurisdiction_id and the types of the fields; true when the error was already sent. */
function refuseJurisdiction(e, p) {
	if (p.__wrongType) {
		fail(e, 400, `${p.__wrongType} must be text`);
		return true;
	}
	if (p.jurisdiction_id && p.jurisdiction_id !== jurisdiction()) {
		fail(e, 404, `jurisdiction_id ${p.jurisdiction_id} not found`);
		return true;
	}
	return false;
}

/** The file name of a path segment like "sluikstort.json", or null for other formats. */
function jsonName(segment) {
	const match = /^(.+)\.json$/.exec(String(segment || ''));
	return match ? match[1] : null;
}

function activeCategories(app) {
	return app.findRecordsByFilter('categories', 'active = true', 'sortOrder,code', 500, 0);
}

function service(category) {
	const questions = m.jsonValue(category, 'extraQuestions') || [];
	return {
		service_code: category.getString('code'),
		service_name: m.localized(m.jsonValue(category, 'name'), 'nl'),
		description: m.localized(m.jsonValue(category, 'description'), 'nl'),
		metadata: questions.length > 0,
		type: 'realtime',
		keywords: '',
		group: m.localized(m.jsonValue(category, 'group'), 'nl')
	};
}

function attribute(question, order) {
	const base = {
		variable: true,
		code: question.id,
		required: false,
		order,
		description: m.localized(question.label, 'nl'),
		datatype_description: ''
	};
	if (question.type === 'single') {
		base.datatype = 'singlevaluelist';
		base.values = (question.options || []).map((option) => ({
			key: option.value,
			name: m.localized(option.label, 'nl')
		}));
	} else if (question.type === 'yesno') {
		base.datatype = 'singlevaluelist';
		base.values = [
			{ key: 'true', name: 'ja' },
			{ key: 'false', name: 'nee' }
		];
	} else {
		base.datatype = 'string';
		base.datatype_description = `At most ${question.maxLength || 200} characters.`;
	}
	return base;
}

function definition(category) {
	const questions = m.jsonValue(category, 'extraQuestions') || [];
	return {
		service_code: category.getString('code'),
		attributes: questions.map((question, index) => attribute(question, index + 1))
	};
}

function findActiveCategory(app, code) {
	try {
		const category = app.findFirstRecordByData('categories', 'code', code);
		return category.getBool('active') ? category : null;
	} catch {
		return null;
	}
}

/** A valid, unrevoked API key record, or null. Only the key's SHA-256 is stored. */
function findKey(app, key) {
	if (!key) return null;
	try {
		const record = app.findFirstRecordByData('api_keys', 'keyHash', $security.sha256(key));
		return record.getBool('revoked') ? null : record;
	} catch {
		return null;
	}
}

function latestPublicNote(app, melding) {
	const updates = app.findRecordsByFilter(
		'melding_updates',
		"melding = {:id} && publicNote != ''",
		'-created',
		1,
		0,
		{ id: melding.id }
	);
	return updates.length ? updates[0].getString('publicNote') : '';
}

function serviceRequest(app, melding, withPrivate) {
	const category = m.findCategory(app, melding.getString('category'));
	const point = melding.get('location');
	const lat = point ? Number(point.lat) : 0;
	const lon = point ? Number(point.lon) : 0;
	const open = m.OPEN_STATUSES.indexOf(melding.getString('status')) >= 0;
	const result = {
		service_request_id: melding.id,
		status: open ? 'open' : 'closed',
		status_notes: latestPublicNote(app, melding),
		service_name: category ? m.localized(m.jsonValue(category, 'name'), 'nl') : '',
		service_code: category ? category.getString('code') : '',
		agency_responsible: category ? category.getString('department') : '',
		service_notice: '',
		requested_datetime: m.isoDate(melding.getString('created')),
		updated_datetime: m.isoDate(melding.getString('updated')),
		expected_datetime: null,
		address: melding.getString('address'),
		address_id: '',
		zipcode: '',
		lat: lat === 0 && lon === 0 ? null : lat,
		long: lat === 0 && lon === 0 ? null : lon,
		media_url: ''
	};
	// Free text can name people: only key holders (city partners) receive it.
	if (withPrivate) result.description = melding.getString('description');
	return result;
}

module.exports = {
	m,
	jurisdiction,
	fail,
	params,
	refuseJurisdiction,
	jsonName,
	activeCategories,
	service,
	definition,
	findActiveCategory,
	findKey,
	serviceRequest
};
