/// <reference path="../pb_data/types.d.ts" />
// Free-text answers are published only after an editor approved them:
// `moderation` maps a question id to 'approved' or 'rejected'.

migrate(
	(app) => {
		const responses = app.findCollectionByNameOrId('responses');
		responses.fields.add(new JSONField({ name: 'moderation', maxSize: 10000 }));
		app.save(responses);
	},
	(app) => {
		const responses = app.findCollectionByNameOrId('responses');
		responses.fields.removeByName('moderation');
		app.save(responses);
	}
);
