/// <reference path="../pb_data/types.d.ts" />
// Open311 GeoReport v2 under /open311/v2/ (JSON). See lib/open311.js.

routerAdd('GET', '/open311/v2/discovery.json', (e) => {
	const o = require(`${__hooks}/lib/open311.js`);
	const base = `${e.app.settings().meta.appURL.replace(/\/$/, '')}/open311/v2`;
	const changeset = '2025-06-01T00:00:00Z';
	return e.json(200, {
		changeset,
		contact: 'Stad Antwerpen, Stadsstem',
		key_service: 'An API key for POST requests is issued by the city (stadsstem keys create NAME).',
		endpoints: [
			{
				specification: 'http://wiki.open311.org/GeoReport_v2',
				url: base,
				changeset,
				type: 'production',
				formats: ['application/json']
			}
		],
		jurisdiction_id: o.jurisdiction()
	});
});

routerAdd('GET', '/open311/v2/services.json', (e) => {
	const o = require(`${__hooks}/lib/open311.js`);
	const p = o.params(e);
	if (o.refuseJurisdiction(e, p)) return;
	return e.json(
		200,
		o.activeCategories(e.app).map((category) => o.service(category))
	);
});

routerAdd('GET', '/open311/v2/services/{file}', (e) => {
	const o = require(`${__hooks}/lib/open311.js`);
	const p = o.params(e);
	if (o.refuseJurisdiction(e, p)) return;
	const code = o.jsonName(e.request.pathValue('file'));
	if (code === null) return o.fail(e, 400, 'Only the JSON format (.json) is supported.');
	const category = o.findActiveCategory(e.app, code);
	if (!category) return o.fail(e, 404, `service_code ${code} not found`);
	return e.json(200, o.definition(category));
});

routerAdd('POST', '/open311/v2/requests.json', (e) => {
	const o = require(`${__hooks}/lib/open311.js`);
	const m = o.m;
	const p = o.params(e);
	if (o.refuseJurisdiction(e, p)) return;
	const key = o.findKey(e.app, p.api_key);
	if (!key) return o.fail(e, 403, 'api_key was not provided or is not valid');
	if (!p.service_code) return o.fail(e, 400, 'service_code was not provided');
	const category = o.findActiveCategory(e.app, p.service_code);
	if (!category) return o.fail(e, 404, `service_code ${p.service_code} not found`);

	const hasPoint = p.lat !== undefined && p.long !== undefined && p.lat !== '' && p.long !== '';
	const lat = parseFloat(p.lat);
	const lon = parseFloat(p.long);
	if (!hasPoint && !String(p.address_string || '').trim()) {
		return o.fail(e, 400, 'lat and long, or address_string, must be provided');
	}
	if (hasPoint && (!isFinite(lat) || !isFinite(lon))) {
		return o.fail(e, 400, 'lat and long must be numbers (WGS84)');
	}
	if (hasPoint && !m.insideBox(lat, lon)) {
		return o.fail(e, 400, 'lat and long are outside the city');
	}

	// attribute[code]=value, as the spec's form encoding has it.
	const extra = {};
	const questions = m.jsonValue(category, 'extraQuestions') || [];
	for (const name in p) {
		const match = /^attribute\[(.+)\]$/.exec(name);
		if (!match) continue;
		const question = questions.find((candidate) => candidate.id === match[1]);
		if (!question)
			return o.fail(e, 400, `attribute ${match[1]} is not an attribute of this service`);
		extra[match[1]] = question.type === 'yesno' ? p[name] === 'true' || p[name] === 'yes' : p[name];
	}

	const record = new Record(e.app.findCollectionByNameOrId('meldingen'));
	record.set('category', category.id);
	record.set('description', p.description || '');
	record.set('address', p.address_string || '');
	if (hasPoint) record.set('location', { lat, lon });
	record.set('email', p.email || '');
	record.set('extra', extra);
	record.set('channel', 'open311');
	record.set('language', 'nl');
	try {
		m.prepareNew(e.app, record, { channel: 'open311', generateClientId: true });
	} catch (error) {
		const data = (error && error.data) || {};
		const fields = Object.keys(data);
		return o.fail(e, 400, fields.length ? `${fields.join(', ')} not valid` : String(error));
	}
	e.app.save(record);
	key.set('lastUsed', new DateTime());
	e.app.save(key);
	if (record.getString('email')) m.mailReceived(e.app, record, record.getString('email'));
	return e.json(200, [
		{
			service_request_id: record.id,
			token: record.getString('clientId'),
			service_notice: '',
			account_id: null
		}
	]);
});

routerAdd('GET', '/open311/v2/requests.json', (e) => {
	const o = require(`${__hooks}/lib/open311.js`);
	const p = o.params(e);
	if (o.refuseJurisdiction(e, p)) return;
	const withPrivate = !!o.findKey(e.app, p.api_key);
	const filters = [];
	const values = {};

	if (p.service_request_id) {
		// The spec: with service_request_id, all other filters are ignored.
		const ids = p.service_request_id.split(',').map((id) => id.trim());
		ids.forEach((id, index) => (values[`c${index}`] = id));
		filters.push(`(${ids.map((_, index) => `id = {:c${index}}`).join(' || ')})`);
	} else {
		if (p.service_code) {
			const codes = p.service_code.split(',').map((code) => code.trim());
			const ids = [];
			for (const code of codes) {
				const category = o.findActiveCategory(e.app, code);
				if (!category) return o.fail(e, 404, `service_code ${code} not found`);
				ids.push(category.id);
			}
			ids.forEach((id, index) => (values[`s${index}`] = id));
			filters.push(`(${ids.map((_, index) => `category = {:s${index}}`).join(' || ')})`);
		}
		const dates = {};
		for (const name of ['start_date', 'end_date']) {
			if (!p[name]) continue;
			const date = new Date(p[name]);
			if (isNaN(date.getTime())) return o.fail(e, 400, `${name} is not a w3c date`);
			dates[name] = date;
		}
		// Without dates the spec asks for the last 90 days.
		const window = 90 * 24 * 3600 * 1000;
		const end =
			dates.end_date ||
			(dates.start_date ? new Date(dates.start_date.getTime() + window) : new Date());
		const start = dates.start_date || new Date(end.getTime() - window);
		if (start > end) return o.fail(e, 400, 'start_date is after end_date');
		values.start = start.toISOString().replace('T', ' ');
		values.end = end.toISOString().replace('T', ' ');
		filters.push('created >= {:start} && created <= {:end}');
		if (p.status) {
			const wanted = p.status.split(',').map((status) => status.trim());
			if (wanted.some((status) => status !== 'open' && status !== 'closed')) {
				return o.fail(e, 400, 'status must be open or closed');
			}
			const any = (statuses) =>
				`(${statuses.map((status) => `status = '${status}'`).join(' || ')})`;
			const closed = o.m.STATUSES.filter((status) => o.m.OPEN_STATUSES.indexOf(status) < 0);
			if (wanted.indexOf('open') >= 0 && wanted.indexOf('closed') < 0)
				filters.push(any(o.m.OPEN_STATUSES));
			if (wanted.indexOf('closed') >= 0 && wanted.indexOf('open') < 0) filters.push(any(closed));
		}
	}
	const found = e.app.findRecordsByFilter(
		'meldingen',
		filters.join(' && '),
		'-created',
		1000,
		0,
		values
	);
	return e.json(
		200,
		found.map((melding) => o.serviceRequest(e.app, melding, withPrivate))
	);
});

routerAdd('GET', '/open311/v2/requests/{file}', (e) => {
	const o = require(`${__hooks}/lib/open311.js`);
	const p = o.params(e);
	if (o.refuseJurisdiction(e, p)) return;
	const id = o.jsonName(e.request.pathValue('file'));
	if (id === null) return o.fail(e, 400, 'Only the JSON format (.json) is supported.');
	const melding = o.m.findById(e.app, id);
	if (!melding) return o.fail(e, 404, `service_request_id ${id} not found`);
	return e.json(200, [o.serviceRequest(e.app, melding, !!o.findKey(e.app, p.api_key))]);
});

routerAdd('GET', '/open311/v2/tokens/{file}', (e) => {
	const o = require(`${__hooks}/lib/open311.js`);
	const p = o.params(e);
	if (o.refuseJurisdiction(e, p)) return;
	const token = o.jsonName(e.request.pathValue('file'));
	if (token === null) return o.fail(e, 400, 'Only the JSON format (.json) is supported.');
	if (!o.m.UUID.test(token)) return o.fail(e, 404, `token ${token} not found`);
	let melding;
	try {
		melding = e.app.findFirstRecordByData('meldingen', 'clientId', token);
	} catch {
		return o.fail(e, 404, `token ${token} not found`);
	}
	return e.json(200, [{ service_request_id: melding.id, token }]);
});
