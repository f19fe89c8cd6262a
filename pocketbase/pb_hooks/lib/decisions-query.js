/// <reference path="../../pb_data/types.d.ts" />
// The public list of decisions: the one place where search and filters are
// turned into SQL, shared by the list JSON route and (through it) the web app.
// Only published decisions are ever selected here.

// The districts have one source, shared with the app and the CLI:
// web/lib/api/districts.ts, bundled here by pocketbase/server.ts.
const { DISTRICTS } = require(`${__hooks}/lib/generated/districts.cjs`);
const { jsonValue, normalize } = require(`${__hooks}/lib/decisions-search.js`);

const BODIES = ['gemeenteraad', 'college', 'districtsraad', 'districtscollege'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PER_PAGE = 50;

/** The fields a resident may see, in the shape the list and detail use. */
const PUBLIC_FIELDS = [
	'slug',
	'title',
	'shortTitle',
	'description',
	'summary',
	'body',
	'district',
	'sessionDate',
	'publicationDate',
	'inForceFrom',
	'inForceUntil',
	'themes',
	'language'
];

/** "2026-10-20 00:00:00.000Z" → "2026-10-20"; empty stays empty. */
function day(value) {
	const text = String(value || '');
	return text ? text.slice(0, 10) : '';
}

function todayUtc() {
	return new Date().toISOString().slice(0, 10);
}

/** Escapes LIKE wildcards so that a search for "50%" finds "50%", not everything. */
function likeText(text) {
	return '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/**
 * Reads and checks the query parameters. Unknown values are errors, not
 * silently ignored: a shared link with a typo should say so.
 * Returns { query } or { errors: { param: message } }.
 */
function parseListQuery(get) {
	const errors = {};
	const query = {
		q: (get('q') || '').trim().slice(0, 200),
		district: get('district') || '',
		theme: get('theme') || '',
		body: get('body') || '',
		from: get('from') || '',
		to: get('to') || '',
		inForce: get('inForce') === '1' || get('inForce') === 'true',
		page: parseInt(get('page') || '1', 10),
		perPage: parseInt(get('perPage') || '10', 10)
	};
	if (query.district && DISTRICTS.indexOf(query.district) < 0) errors.district = 'unknown district';
	if (query.body && BODIES.indexOf(query.body) < 0) errors.body = 'unknown body';
	if (query.theme && !/^[a-z0-9-]{1,50}$/.test(query.theme)) errors.theme = 'invalid theme';
	if (query.from && !DATE.test(query.from)) errors.from = 'use YYYY-MM-DD';
	if (query.to && !DATE.test(query.to)) errors.to = 'use YYYY-MM-DD';
	if (!(query.page >= 1)) errors.page = 'must be 1 or more';
	if (!(query.perPage >= 1 && query.perPage <= MAX_PER_PAGE))
		errors.perPage = 'must be between 1 and ' + MAX_PER_PAGE;
	return Object.keys(errors).length ? { errors } : { query };
}

/** The WHERE clause for a parsed query, always limited to published decisions. */
function whereFor(query) {
	const parts = [$dbx.hashExp({ status: 'published' })];
	if (query.q) {
		// Every word must appear somewhere in what residents read (lib/decisions-search.js),
		// in any case and with or without accents.
		const words = normalize(query.q).split(' ').filter(Boolean).slice(0, 8);
		words.forEach((word, index) => {
			const params = {};
			params['q' + index] = likeText(word);
			parts.push($dbx.exp('searchText LIKE {:q' + index + "} ESCAPE '\\'", params));
		});
	}
	if (query.district) parts.push($dbx.hashExp({ district: query.district }));
	if (query.body) parts.push($dbx.hashExp({ body: query.body }));
	if (query.theme) {
		parts.push(
			$dbx.exp(
				"EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(decisions.themes) THEN decisions.themes ELSE '[]' END) WHERE json_each.value = {:theme})",
				{ theme: query.theme }
			)
		);
	}
	// The period is the session date: when the council decided.
	if (query.from)
		parts.push($dbx.exp("sessionDate != '' AND substr(sessionDate, 1, 10) >= {:from}", query));
	if (query.to)
		parts.push($dbx.exp("sessionDate != '' AND substr(sessionDate, 1, 10) <= {:to}", query));
	if (query.inForce) {
		const today = { today: todayUtc() };
		parts.push(
			$dbx.exp(
				"(inForceFrom = '' OR substr(inForceFrom, 1, 10) <= {:today}) AND (inForceUntil = '' OR substr(inForceUntil, 1, 10) >= {:today})",
				today
			)
		);
	}
	return $dbx.and.apply(null, parts);
}

/** A record as the public JSON shows it. */
function publicDecision(record, appURL) {
	const out = {};
	PUBLIC_FIELDS.forEach((name) => {
		out[name] = record.getString(name);
	});
	['sessionDate', 'publicationDate', 'inForceFrom', 'inForceUntil'].forEach((name) => {
		out[name] = day(out[name]);
	});
	out.themes = jsonValue(record, 'themes') || [];
	out.url = appURL + '/beslissingen/' + out.slug;
	out.jsonld = appURL + '/api/stadsstem/decisions/' + out.slug + '.jsonld';
	return out;
}

/** Newest first: when it was published, then when it was decided. */
const ORDER = ['publicationDate DESC', 'sessionDate DESC', 'created DESC', 'id'];

function listDecisions(app, query, appURL) {
	const where = whereFor(query);
	const totalItems = app.countRecords('decisions', where);
	const records = arrayOf(new Record());
	const select = app.recordQuery('decisions').andWhere(where);
	select.orderBy.apply(select, ORDER);
	select
		.limit(query.perPage)
		.offset((query.page - 1) * query.perPage)
		.all(records);
	return {
		page: query.page,
		perPage: query.perPage,
		totalItems: totalItems,
		totalPages: Math.ceil(totalItems / query.perPage),
		items: records.map((record) => publicDecision(record, appURL))
	};
}

/** Every theme used by a published decision, with how many, for the filter. */
function themeCounts(app) {
	const rows = arrayOf(new DynamicModel({ theme: '', count: 0 }));
	app
		.db()
		.newQuery(
			"SELECT json_each.value AS theme, COUNT(*) AS count FROM decisions, json_each(CASE WHEN json_valid(decisions.themes) THEN decisions.themes ELSE '[]' END) WHERE decisions.status = 'published' GROUP BY json_each.value ORDER BY json_each.value"
		)
		.all(rows);
	return rows.map((row) => ({ theme: row.theme, count: row.count }));
}

module.exports = {
	BODIES,
	DISTRICTS,
	PUBLIC_FIELDS,
	day,
	jsonValue,
	parseListQuery,
	whereFor,
	listDecisions,
	publicDecision,
	themeCounts
};
