/// <reference path="../../pb_data/types.d.ts" />
// The visible history of a published decision: every publish, change and
// withdrawal is kept as a revision, with the values from before a change.

/** The fields whose change residents can see in the history. */
const TRACKED = [
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
	'location',
	'relatedSurveys',
	'relatedCategories'
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

/** The kind of history entry for a status change, or '' when none is due. */
function kindFor(before, after, changedFields) {
	if (after === 'published' && before === 'draft') return 'published';
	if (after === 'published' && before === 'withdrawn') return 'republished';
	if (after === 'withdrawn' && before === 'published') return 'withdrawn';
	if (after === 'published' && before === 'published' && changedFields.length) return 'changed';
	return '';
}

function saveRevision(app, fields) {
	const collection = app.findCollectionByNameOrId('decision_revisions');
	const revision = new Record(collection);
	revision.load(fields);
	app.save(revision);
}

/**
 * Before a decision is saved through the API: enforces the publication rules
 * and works out which history entry the save will make.
 */
function beforeSave(e, original) {
	const record = e.record;
	const after = record.getString('status');
	const before = original ? original.getString('status') : 'draft';
	if (after === 'published') {
		// A resident reads the plain-language summary first: no summary, no publication.
		if (!record.getString('summary').trim()) {
			throw new BadRequestError('A published decision needs a plain-language summary.', {
				summary: new ValidationError('validation_required', 'Write the summary first.')
			});
		}
		if (!record.getString('publicationDate')) {
			record.set('publicationDate', new Date().toISOString().slice(0, 10) + ' 00:00:00.000Z');
		}
	}
	const note = record.getString('changeNote').trim();
	record.set('changeNote', '');
	const diff = original ? changes(original, record) : { changedFields: [], previous: {} };
	// Created as published straight away counts as a publication.
	const kind = original
		? kindFor(before, after, diff.changedFields)
		: after === 'published'
			? 'published'
			: '';
	const author = e.auth && e.auth.collection().name === 'users' ? e.auth.id : '';
	return { kind: kind, diff: diff, note: note, author: author };
}

/** After a successful save: writes the history entry worked out before it. */
function afterSave(app, record, pending) {
	if (!pending.kind) return;
	saveRevision(app, {
		decision: record.id,
		kind: pending.kind,
		changedFields: pending.kind === 'changed' ? pending.diff.changedFields : [],
		previous: pending.kind === 'changed' ? pending.diff.previous : {},
		note: pending.note,
		author: pending.author
	});
}

module.exports = { TRACKED, changes, kindFor, saveRevision, beforeSave, afterSave };
