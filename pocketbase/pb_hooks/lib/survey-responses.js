// Accepting a survey response: the survey must be open, the answers must fit
// the version they answer, and a replayed clientId counts once.
/// <reference path="../../pb_data/types.d.ts" />

/**
 * A survey accepts answers from the start of its opening day through the end
 * of its closing day in Antwerp (a bare date is a whole day; see surveys/dates.ts).
 */
function acceptsAnswers(surveys, survey, now) {
	if (survey.getString('status') !== 'open') return false;
	const opens = survey.getString('opens');
	const closes = survey.getString('closes');
	if (opens && now < surveys.opensAt(opens)) return false;
	if (closes && now >= surveys.closesAt(closes)) return false;
	return true;
}

// Parsed definitions per survey and version of its record: parsing is the
// costly part, and each pooled JS runtime keeps its own small cache.
const parsedDefinitions = {};

function parsedDefinition(surveys, record) {
	const key = record.collection().name + ':' + record.id + '@' + record.getString('updated');
	if (!parsedDefinitions[key]) {
		parsedDefinitions[key] = surveys.parseSurveyDefinition(
			JSON.parse(record.getString('definition'))
		);
	}
	return parsedDefinitions[key];
}

/**
 * The version a response answers and its definition record: the version the
 * client says it answered (a response queued offline may answer an earlier
 * one, kept in survey_versions), or the current one when it says none (clients
 * from before versions were sent). Null when that version does not exist.
 */
function answeredVersion(app, survey, claimed) {
	const current = survey.getInt('version');
	if (claimed === null || claimed === current) return { version: current, record: survey };
	if (typeof claimed !== 'number' || claimed % 1 !== 0 || claimed < 1 || claimed > current) {
		return null;
	}
	try {
		const kept = app.findFirstRecordByFilter(
			'survey_versions',
			'survey = {:survey} && version = {:version}',
			{ survey: survey.id, version: claimed }
		);
		return { version: claimed, record: kept };
	} catch (_) {
		return null;
	}
}

/** The surveyVersion as sent: null when absent, else the number (or the odd value) given. */
function claimedVersion(e) {
	const body = e.requestInfo().body || {};
	const value = body.surveyVersion;
	if (value === undefined || value === null || value === '') return null;
	return typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
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
	if (!acceptsAnswers(surveys, survey, Date.now())) {
		return problem(e, 400, 'This survey does not accept answers now.', {
			survey: { code: 'survey_not_open', message: 'This survey does not accept answers now.' }
		});
	}

	const answered = answeredVersion(e.app, survey, claimedVersion(e));
	if (!answered) {
		const message =
			'This version of the survey does not exist. Reload the survey and answer it again.';
		return problem(e, 400, message, {
			surveyVersion: { code: 'survey_version_unknown', message: message }
		});
	}
	const parsed = parsedDefinition(surveys, answered.record);
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

	// Tied to the version it was checked against, which the server looked up.
	record.set('surveyVersion', answered.version);
	return e.next();
}

module.exports = { handleCreate, acceptsAnswers };
