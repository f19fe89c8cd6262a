// Public results of a survey: counts only, computed with the same module the
// app uses. Free text is never part of them until moderated.
/// <reference path="../../pb_data/types.d.ts" />

function isStaff(e) {
	const auth = e.auth;
	return !!auth && (auth.isSuperuser() || auth.collection().name === 'users');
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
	const answers = records.map((record) => JSON.parse(record.getString('answers') || '{}'));
	const results = surveys.aggregateResults(parsed.value, answers);
	return e.json(200, {
		survey: {
			slug: slug,
			title: JSON.parse(survey.getString('title')),
			status: survey.getString('status'),
			closes: survey.getString('closes')
		},
		definition: parsed.value,
		results: results
	});
}

module.exports = { handleResults };
