/// <reference path="../../pb_data/types.d.ts" />
// The visible history of a published decision. Once a decision was ever
// published, every save that changes what residents read is kept as a
// revision with the values from before it, whatever the status does in the
// same save; it needs a note saying why. A published decision never goes back
// to draft: it is withdrawn, so that its history stays whole.

/**
 * Every field residents read (the decision page, the list JSON, the JSON-LD).
 * Not here: status (the revision kind says it), changeNote (it is the note),
 * notifiedAt and mailQueuedAt (server bookkeeping), sourceUri (where an import
 * came from) and the timestamps. `participationNote` (what residents' opinions
 * changed) comes from the web editor's own migration.
 */
const TRACKED = [
	'slug',
	'title',
	'shortTitle',
	'description',
	'content',
	'motivation',
	'summary',
	'participationNote',
	'body',
	'district',
	'sessionDate',
	'publicationDate',
	'inForceFrom',
	'inForceUntil',
	'articles',
	'themes',
	'location',
	'relatedSurveys',
	'relatedCategories',
	'language'
];

function comparable(record, name) {
	const value = record.get(name);
	// JSON, geoPoint and relation values compare as their JSON text.
	return JSON.stringify(value === undefined ? null : value);
}

/** What changed between the stored record and the one about to be saved. */
function changes(original, record) {
	const changedFields = [];
	const previous = {};
	TRACKED.forEach((name) => {
		if (comparable(original, name) !== comparable(record, name)) {
			changedFields.push(name);
			previous[name] = JSON.parse(comparable(original, name));
		}
	});
	return { changedFields, previous };
}

/** Whether residents have ever been shown this decision: it is published, or it has a history. */
function everPublished(app, original) {
	if (original.getString('status') === 'published') return true;
	return app.countRecords('decision_revisions', $dbx.hashExp({ decision: original.id })) > 0;
}

/** The kind of history entry for a save, or '' when none is due. */
function kindFor(before, after, ever, changedFields) {
	if (after === 'published' && before !== 'published') return ever ? 'republished' : 'published';
	if (after === 'withdrawn' && before === 'published') return 'withdrawn';
	if (ever && changedFields.length) return 'changed';
	return '';
}

function saveRevision(app, fields) {
	const collection = app.findCollectionByNameOrId('decision_revisions');
	const revision = new Record(collection);
	revision.load(fields);
	app.save(revision);
}

/**
 * What every published decision has: a resident reads the plain-language summary first; the
 * decided text and its motivation are what the OSLO Besluit profile requires. The first thing
 * missing ({ field, what, detail }), or null. Used by the API hook and the import route alike.
 */
function missingForPublication(record) {
	const required = [
		['summary', 'a plain-language summary', 'Write the summary first.'],
		['content', 'its decided text', 'Add the text of the decision.'],
		['motivation', 'a motivation', 'Say why the decision was taken.']
	];
	for (let i = 0; i < required.length; i++) {
		if (!record.getString(required[i][0]).trim()) {
			return { field: required[i][0], what: required[i][1], detail: required[i][2] };
		}
	}
	return null;
}

/** A decision published without a publication date is published today. */
function stampPublication(record) {
	if (!record.getString('publicationDate')) {
		record.set('publicationDate', new Date().toISOString().slice(0, 10) + ' 00:00:00.000Z');
	}
}

function refuse(message, field, code, detail) {
	const data = {};
	data[field] = new ValidationError(code, detail);
	throw new BadRequestError(message, data);
}

/**
 * Before a decision is saved through the API: enforces the publication rules
 * and works out which history entry the save will make.
 */
function beforeSave(e, original) {
	const record = e.record;
	const after = record.getString('status');
	const before = original ? original.getString('status') : '';
	const ever = original ? everPublished(e.app, original) : false;
	if (ever && after === 'draft') {
		refuse(
			'A published decision cannot become a draft again; withdraw it instead.',
			'status',
			'validation_published_not_draft',
			'Withdraw the decision instead of making it a draft.'
		);
	}
	// The slug is the public address (/beslissingen/{slug}, its JSON-LD, links in
	// emails already sent): once residents were shown it, it stays.
	if (ever && record.getString('slug') !== original.getString('slug')) {
		refuse(
			'The address (slug) of a decision that was published cannot change: links to it would break.',
			'slug',
			'validation_slug_fixed',
			'Keep the address "' + original.getString('slug') + '".'
		);
	}
	if (after === 'published') {
		const missing = missingForPublication(record);
		if (missing) {
			refuse(
				'A published decision needs ' + missing.what + '.',
				missing.field,
				'validation_required',
				missing.detail
			);
		}
		stampPublication(record);
	}
	const note = record.getString('changeNote').trim();
	record.set('changeNote', '');
	// Edits before the first publication are drafting, not history.
	const diff = ever ? changes(original, record) : { changedFields: [], previous: {} };
	if (diff.changedFields.length && !note) {
		refuse(
			'A change to a published decision needs a note that says why (changeNote).',
			'changeNote',
			'validation_required',
			'Say why the decision changed; residents read it in the history.'
		);
	}
	// Created as published straight away counts as a publication.
	const kind = original
		? kindFor(before, after, ever, diff.changedFields)
		: after === 'published'
			? 'published'
			: '';
	const author = e.auth && e.auth.collection().name === 'users' ? e.auth.id : '';
	return { kind: kind, diff: diff, note: note, author: author };
}

/** After the decision is written, in the same transaction: the history entry worked out before. */
function afterSave(app, record, pending) {
	if (!pending.kind) return;
	saveRevision(app, {
		decision: record.id,
		kind: pending.kind,
		changedFields: pending.diff.changedFields,
		previous: pending.diff.previous,
		note: pending.note,
		author: pending.author
	});
}

/**
 * Runs a create or update request of a decision with its history entry in one
 * transaction: a decision is never saved without the revision it needs.
 */
function saveWithHistory(e, original) {
	const pending = beforeSave(e, original);
	e.app.runInTransaction((tx) => {
		// PocketBase writes the response once this transaction commits.
		e.app = tx;
		e.next();
		afterSave(tx, e.record, pending);
	});
}

module.exports = {
	TRACKED,
	changes,
	everPublished,
	kindFor,
	saveRevision,
	missingForPublication,
	stampPublication,
	beforeSave,
	afterSave,
	saveWithHistory
};
