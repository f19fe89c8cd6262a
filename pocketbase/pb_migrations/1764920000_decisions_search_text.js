/// <reference path="../pb_data/types.d.ts" />
// Full-text search over decisions (issue 5): a hidden column with everything
// residents read, lower-cased and without accents (pb_hooks/lib/decisions-search.js
// says why this and not FTS5). Filled here for the decisions already stored;
// a hook keeps it current afterwards.

migrate(
	(app) => {
		const decisions = app.findCollectionByNameOrId('decisions');
		// Title, texts and articles together stay far below a million characters.
		decisions.fields.add(new TextField({ name: 'searchText', hidden: true, max: 1000000 }));
		app.save(decisions);
		const { searchTextFor } = require(`${__hooks}/lib/decisions-search.js`);
		for (const record of app.findAllRecords('decisions')) {
			// Straight to the column: filling an index is not an edit (no history, no new `updated`).
			app
				.db()
				.newQuery('UPDATE decisions SET searchText = {:text} WHERE id = {:id}')
				.bind({ text: searchTextFor(record), id: record.id })
				.execute();
		}
	},
	(app) => {
		const decisions = app.findCollectionByNameOrId('decisions');
		decisions.fields.removeByName('searchText');
		app.save(decisions);
	}
);
