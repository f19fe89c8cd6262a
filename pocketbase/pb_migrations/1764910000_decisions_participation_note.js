/// <reference path="../pb_data/types.d.ts" />
// "Jouw mening telde mee: zo": per decision, in plain language, how residents'
// opinions from the related surveys were used. Read by residents under the same
// rules as the other fields (the collection's view and list rules, not hidden).

migrate(
	(app) => {
		const decisions = app.findCollectionByNameOrId('decisions');
		decisions.fields.add(new TextField({ name: 'participationNote', max: 5000 }));
		app.save(decisions);
	},
	(app) => {
		const decisions = app.findCollectionByNameOrId('decisions');
		decisions.fields.removeByName('participationNote');
		app.save(decisions);
	}
);
