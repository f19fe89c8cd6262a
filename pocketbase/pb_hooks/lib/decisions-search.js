/// <reference path="../../pb_data/types.d.ts" />
// Full-text search over decisions: one hidden column, `searchText`, holds
// everything residents read of a decision, lower-cased and without accents, so
// that "cafe" finds "Café" and "FINANCIËLE" finds "financiële". A model hook
// (decisions.pb.js) keeps it current on every write, the migration
// 1764920000_decisions_search_text.js fills it for older rows.
//
// Why not SQLite FTS5 (PocketBase's SQLite build has it): the list is newest
// first, not by relevance, so FTS5's ranking buys nothing; its tokens match
// whole words or prefixes only, while Dutch glues words together ("straat"
// must find "fietsstraat"); and a virtual table beside a PocketBase collection
// must be kept in step by hand. A substring match over a normalised column
// keeps every behaviour of the earlier search and scans a few thousand
// decisions quickly. No requires: the migration loads this file too (and so
// the JSON reading that decisions-query.js shares lives here).

/** The fields residents read, as text. */
const TEXT_FIELDS = [
	'title',
	'shortTitle',
	'summary',
	'description',
	'content',
	'motivation',
	'participationNote'
];

// Letters that Unicode does not decompose into a base letter and a mark.
const LETTERS = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case, without accents, with single spaces: the form both sides of a search compare in. */
function normalize(text) {
	return String(text || '')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[ßæœøłđðþı]/g, (letter) => LETTERS[letter])
		.replace(/\s+/g, ' ')
		.trim();
}

/** A JSON field's value, or null when it is empty or not JSON. */
function jsonValue(record, name) {
	const raw = record.get(name);
	if (raw === null || raw === undefined || raw === '') return null;
	try {
		return JSON.parse(typeof raw === 'string' ? raw : String(raw));
	} catch {
		// A types.JsonRaw from Go prints as its JSON text; anything else is not JSON.
		return null;
	}
}

/** Everything residents read of a decision, normalised, for the `searchText` column. */
function searchTextFor(record) {
	const parts = TEXT_FIELDS.map((name) => {
		const value = record.get(name);
		return value === null || value === undefined ? '' : String(value);
	});
	const articles = jsonValue(record, 'articles');
	if (Array.isArray(articles)) {
		articles.forEach((article) => {
			if (article && typeof article === 'object') parts.push(String(article.text || ''));
		});
	}
	const themes = jsonValue(record, 'themes');
	if (Array.isArray(themes)) parts.push(themes.join(' '));
	return normalize(parts.join('\n'));
}

module.exports = { TEXT_FIELDS, jsonValue, normalize, searchTextFor };
