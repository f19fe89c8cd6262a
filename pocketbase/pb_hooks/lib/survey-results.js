// Public results of a survey: counts only, computed with the same module the
// app uses. Free text is never part of them until moderated.
/// <reference path="../../pb_data/types.d.ts" />

function isStaff(e) {
	const auth = e.auth;
	return !!auth && (auth.isSuperuser() || auth.collection().name === 'users');
}

function isEditor(e) {
	const auth = e.auth;
	if (!auth) return false;
	if (auth.isSuperuser()) return true;
	const role = auth.getString('role');
	return auth.collection().name === 'users' && (role === 'editor' || role === 'admin');
}

function handleResults(e) {
	const surveys = require(`${__hooks}/lib/generated/surveys.cjs`);
	const slug = e.request.pathValue('slug');
	let survey;
	try {
		survey = e.app.findFirstRecordByData('surveys', 'slug', slug);
	} catch (_) {
		throw new NotFoundError('This survey does not exist.');
	}
	if (!survey.getBool('resultsPublic') && !isStaff(e)) {
		throw new ForbiddenError('The results of this survey are not public.');
	}
	const parsed = surveys.parseSurveyDefinition(JSON.parse(survey.getString('definition')));
	if (!parsed.ok) throw new InternalServerError('The stored survey definition is not valid.');

	const records = e.app.findRecordsByFilter('responses', 'survey = {:id}', '', 0, 0, {
		id: survey.id
	});
	const responses = records.map((record) => ({
		answers: JSON.parse(record.getString('answers') || '{}') || {},
		moderation: JSON.parse(record.getString('moderation') || '{}') || {}
	}));
	const results = surveys.aggregateResults(
		parsed.value,
		responses.map((response) => response.answers)
	);
	return e.json(200, {
		survey: {
			slug: slug,
			title: JSON.parse(survey.getString('title')),
			status: survey.getString('status'),
			closes: survey.getString('closes')
		},
		definition: parsed.value,
		results: results,
		texts: surveys.approvedTexts(parsed.value, responses)
	});
}

const DECISIONS = ['approved', 'rejected', 'pending'];

/** An editor approves or rejects one free-text answer for publication. */
function handleModeration(e) {
	if (!isEditor(e)) throw new ForbiddenError('Only editors moderate answers.');
	const b = require(`${__hooks}/lib/body.js`);
	const body = b.object(e);
	const questionId = b.text(body, 'questionId');
	const decision = b.text(body, 'decision');
	if (DECISIONS.indexOf(decision) === -1) {
		throw new BadRequestError('decision must be approved, rejected or pending.');
	}
	let record;
	try {
		record = e.app.findRecordById('responses', e.request.pathValue('id'));
	} catch (_) {
		throw new NotFoundError('This response does not exist.');
	}
	const survey = e.app.findRecordById('surveys', record.getString('survey'));
	const definition = JSON.parse(survey.getString('definition'));
	const question = (definition.questions || []).filter((q) => q.id === questionId)[0];
	const isText = question && (question.type === 'short_text' || question.type === 'long_text');
	const answers = JSON.parse(record.getString('answers') || '{}');
	if (!isText || typeof answers[questionId] !== 'string') {
		throw new BadRequestError('This response has no free-text answer to that question.');
	}
	const moderation = JSON.parse(record.getString('moderation') || '{}') || {};
	if (decision === 'pending') delete moderation[questionId];
	else moderation[questionId] = decision;
	record.set('moderation', moderation);
	e.app.save(record);
	return e.json(200, { id: record.id, moderation: moderation });
}

module.exports = { handleResults, handleModeration };
