// Accepting a survey response: the survey must be open, the answers must fit
// the version they answer, and a replayed clientId counts once.
/// <reference path="../../pb_data/types.d.ts" />

const DAY_MS = 24 * 60 * 60 * 1000;

/** A survey accepts answers from its opening day through its closing day. */
function acceptsAnswers(survey, now) {
	if (survey.getString('status') !== 'open') return false;
	const opens = survey.getDateTime('opens');
	const closes = survey.getDateTime('closes');
	if (!opens.isZero() && now < opens.unix() * 1000) return false;
	if (!closes.isZero() && now >= closes.unix() * 1000 + DAY_MS) return false;
	return true;
}

// Parsed definitions per survey and version of its record: parsing is the
// costly part, and each pooled JS runtime keeps its own small cache.
const parsedDefinitions = {};

function parsedDefinition(surveys, survey) {
	const key = survey.id + '@' + survey.getString('updated');
	if (!parsedDefinitions[key]) {
		parsedDefinitions[key] = surveys.parseSurveyDefinition(
			JSON.parse(survey.getString('definition'))
		);
	}
	return parsedDefinitions[key];
}

function problem(e, status, message, data) {
	return e.json(status, { status: status, message: message, data: data || {} });
}

// What a resident may send with a response. Every other field (moderation and
// whatever staff-only field comes later) is cleared on create: an allow-list, so
// a new field is safe by default. `kiosk` and `assisted` are on the list because
// the kiosk hook, which runs first, has already overwritten them from its checks.
const RESIDENT_FIELDS = [
	'id',
	'created',
	'survey',
	'surveyVersion',
	'answers',
	'channel',
	'language',
	'clientId',
	'kiosk',
	'assisted'
];

function clearStaffFields(record) {
	const names = record.collection().fields.fieldNames();
	for (let i = 0; i < names.length; i++) {
		if (RESIDENT_FIELDS.indexOf(names[i]) === -1) record.set(names[i], null);
	}
}

/** The handler of onRecordCreateRequest for `responses`. */
function handleCreate(e) {
	const surveys = require(`${__hooks}/lib/generated/surveys.cjs`);
	const record = e.record;
	clearStaffFields(record);

	const clientId = record.getString('clientId');
	if (clientId) {
		try {
			const earlier = e.app.findFirstRecordByData('responses', 'clientId', clientId);
			// The same submission again (a retry after a lost connection): acknowledge, store nothing.
			return e.json(200, {
				id: earlier.id,
				clientId: clientId,
				survey: earlier.getString('survey'),
				replay: true
			});
		} catch (_) {
			// Not seen before: go on.
		}
	}

	let survey;
	try {
		survey = e.app.findRecordById('surveys', record.getString('survey'));
	} catch (_) {
		return problem(e, 400, 'This survey does not exist.', {
			survey: { code: 'survey_unknown', message: 'This survey does not exist.' }
		});
	}
	if (!acceptsAnswers(survey, Date.now())) {
		return problem(e, 400, 'This survey does not accept answers now.', {
			survey: { code: 'survey_not_open', message: 'This survey does not accept answers now.' }
		});
	}

	const parsed = parsedDefinition(surveys, survey);
	if (!parsed.ok) {
		throw new InternalServerError('The stored survey definition is not valid.');
	}
	const answers = JSON.parse(record.getString('answers') || 'null');
	const result = surveys.validateResponse(parsed.value, answers);
	if (!result.ok) {
		return problem(e, 400, 'Some answers are not valid.', {
			answers: {
				code: 'answers_invalid',
				message: 'Some answers are not valid.',
				errors: result.errors
			}
		});
	}

	// The server, not the browser, says which version was answered.
	record.set('surveyVersion', survey.getInt('version'));
	return e.next();
}

module.exports = { handleCreate, acceptsAnswers };
