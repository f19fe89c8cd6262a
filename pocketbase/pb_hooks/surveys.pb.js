/// <reference path="../pb_data/types.d.ts" />
// Survey responses are checked on the server against the survey version they
// answer, whatever the client did (see lib/survey-responses.js).

onRecordCreateRequest((e) => {
	return require(`${__hooks}/lib/survey-responses.js`).handleCreate(e);
}, 'responses');
