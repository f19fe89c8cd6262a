/// <reference path="../pb_data/types.d.ts" />
// Survey responses are checked on the server against the survey version they
// answer, whatever the client did (see lib/survey-responses.js).

onRecordCreateRequest((e) => {
	return require(`${__hooks}/lib/survey-responses.js`).handleCreate(e);
}, 'responses');

// Counts per question, for the public results page (when the survey's results
// are public) and for staff.
routerAdd('GET', '/api/stadsstem/surveys/{slug}/results', (e) => {
	return require(`${__hooks}/lib/survey-results.js`).handleResults(e);
});

// An editor approves or rejects a free-text answer before it can be published.
routerAdd('POST', '/api/stadsstem/responses/{id}/moderation', (e) => {
	return require(`${__hooks}/lib/survey-results.js`).handleModeration(e);
});
