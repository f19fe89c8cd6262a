/// <reference path="../../pb_data/types.d.ts" />
// `stadsstem decisions import` writes through this: every decision of a file in
// one database transaction, so an import is all or nothing even when the 500th
// entry is refused, the CLI is stopped half-way or the network breaks. The CLI
// reads and checks the file first (cli/decisions/import.ts); this is the write.

/** The fields an import may set; status, history and mail bookkeeping are the server's. */
const FIELDS = [
	'sourceUri',
	'slug',
	'title',
	'shortTitle',
	'description',
	'content',
	'motivation',
	'summary',
	'body',
	'district',
	'sessionDate',
	'publicationDate',
	'inForceFrom',
	'inForceUntil',
	'articles',
	'themes',
	'location'
];

function isPoint(value) {
	return (
		!!value &&
		typeof value === 'object' &&
		typeof value.lat === 'number' &&
		typeof value.lon === 'number' &&
		Math.abs(value.lat) <= 90 &&
		Math.abs(value.lon) <= 180
	);
}

/** The request body as { entries: [{ where, decision }], publish }, or a 400 naming what is wrong. */
function readBody(body) {
	const entries = body && body.decisions;
	if (!Array.isArray(entries) || entries.length === 0) {
		throw new BadRequestError('Give the decisions to import as a non-empty list "decisions".', {
			decisions: new ValidationError('validation_required', 'A non-empty list is needed.')
		});
	}
	if (entries.length > 10000) {
		throw new BadRequestError('At most 10000 decisions in one import.', {
			decisions: new ValidationError('validation_too_many', 'At most 10000 decisions.')
		});
	}
	return {
		entries: entries.map((entry, index) => ({
			where: String((entry && entry.where) || 'decision ' + (index + 1)),
			decision: (entry && entry.decision) || {}
		})),
		publish: !!(body && body.publish === true)
	};
}

/**
 * Writes every entry in one transaction. Returns { ok: true, slugs } or
 * { ok: false, index, where, message } for the first entry the database
 * refused; then nothing of the import was kept.
 */
function importAll(app, entries, publish) {
	const history = require(`${__hooks}/lib/decisions-history.js`);
	const now = new Date().toISOString().replace('T', ' ');
	const slugs = [];
	let failed = null;
	try {
		app.runInTransaction((tx) => {
			const collection = tx.findCollectionByNameOrId('decisions');
			entries.forEach((entry, index) => {
				failed = { index: index, where: entry.where };
				const location = entry.decision.location;
				if (location !== undefined && location !== null && !isPoint(location)) {
					throw new Error('location: give { "lat": …, "lon": … } in WGS84, or nothing');
				}
				const articles = entry.decision.articles;
				if (
					articles !== undefined &&
					articles !== null &&
					!(
						Array.isArray(articles) &&
						articles.every(
							(article) =>
								article && typeof article.text === 'string' && typeof article.number === 'string'
						)
					)
				) {
					throw new Error('articles: give a list of { "number": "…", "text": "…" }');
				}
				const themes = entry.decision.themes;
				if (
					themes !== undefined &&
					themes !== null &&
					!(Array.isArray(themes) && themes.every((theme) => typeof theme === 'string'))
				) {
					throw new Error('themes: give a list of words');
				}
				const record = new Record(collection);
				FIELDS.forEach((name) => {
					const value = entry.decision[name];
					if (value !== undefined && value !== null) record.set(name, value);
				});
				record.set('language', 'nl');
				record.set('status', publish ? 'published' : 'draft');
				if (publish) {
					const missing = history.missingForPublication(record);
					if (missing) {
						throw new Error(missing.field + ': a published decision needs ' + missing.what);
					}
					history.stampPublication(record);
					// Published imports are history, not news: followers are not mailed.
					record.set('notifiedAt', now);
					record.set('mailQueuedAt', now);
				}
				tx.save(record);
				if (publish) {
					history.saveRevision(tx, {
						decision: record.id,
						kind: 'published',
						changedFields: [],
						previous: {},
						note: record.getString('sourceUri')
							? 'Geïmporteerd uit ' + record.getString('sourceUri')
							: 'Geïmporteerd'
					});
				}
				slugs.push(record.getString('slug'));
			});
			failed = null;
		});
	} catch (error) {
		const at = failed || { index: -1, where: '' };
		return { ok: false, index: at.index, where: at.where, message: String(error) };
	}
	return { ok: true, slugs: slugs };
}

module.exports = { FIELDS, readBody, importAll };
