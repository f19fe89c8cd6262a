/// <reference path="../pb_data/types.d.ts" />
// Decisions imported from a government's linked-data publication keep the URI
// they have there: a second import of the same export skips them.

migrate(
	(app) => {
		const decisions = app.findCollectionByNameOrId('decisions');
		decisions.fields.add(new URLField({ name: 'sourceUri' }));
		decisions.indexes.push(
			"CREATE UNIQUE INDEX idx_decisions_source ON decisions (sourceUri) WHERE sourceUri != ''"
		);
		app.save(decisions);
	},
	(app) => {
		const decisions = app.findCollectionByNameOrId('decisions');
		decisions.indexes = decisions.indexes.filter(
			(index) => !index.includes('idx_decisions_source')
		);
		decisions.fields.removeByName('sourceUri');
		app.save(decisions);
	}
);
