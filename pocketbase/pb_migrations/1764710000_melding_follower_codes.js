/// <reference path="../pb_data/types.d.ts" />
// Issue 11: a tracking code is the only proof that a melding is yours (export,
// delete email, reopen), so a follower never learns the reporter's code. Each
// follower gets a code of their own that shows the same public status and
// proves only their own follow. Codes share one space with meldingen codes.

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

migrate(
	(app) => {
		const followers = app.findCollectionByNameOrId('melding_followers');
		followers.fields.add(new TextField({ name: 'code', max: 8, pattern: '^[2-9A-HJ-NP-Z]{8}$' }));
		followers.indexes.push(
			"CREATE UNIQUE INDEX idx_melding_followers_code ON melding_followers (code) WHERE code != ''"
		);
		app.save(followers);
		// Followers from before this migration get a code too, so every follow can be proven.
		for (const follower of app.findRecordsByFilter('melding_followers', "code = ''", '', 0, 0)) {
			follower.set('code', $security.randomStringWithAlphabet(8, ALPHABET));
			app.unsafeWithoutHooks().save(follower);
		}
	},
	(app) => {
		const followers = app.findCollectionByNameOrId('melding_followers');
		followers.fields.removeByName('code');
		followers.indexes = followers.indexes.filter(
			(index) => !index.includes('idx_melding_followers_code')
		);
		app.save(followers);
	}
);
