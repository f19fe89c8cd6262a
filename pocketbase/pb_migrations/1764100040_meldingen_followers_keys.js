/// <reference path="../pb_data/types.d.ts" />
// Issue 4, meldingen: followers (a resident who follows an existing melding
// instead of filing a duplicate), Open311 API keys, and the fields the status
// flow needs. Both new collections are written only by hooks and the CLI.

const STAFF = "@request.auth.collectionName = 'users'";
const ADMIN = "@request.auth.collectionName = 'users' && @request.auth.role = 'admin'";
const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

migrate(
	(app) => {
		const meldingen = app.findCollectionByNameOrId('meldingen');

		// Open311 clients are another channel than the city's own apps.
		const channel = meldingen.fields.getByName('channel');
		channel.values = ['web', 'app', 'kiosk', 'open311'];
		// Resident changes (create, follow, reopen) go through hooks and routes
		// that enforce the status flow; staff change status through a route too.
		meldingen.fields.add(new NumberField({ name: 'reopenCount', min: 0, onlyInt: true }));
		meldingen.fields.add(new DateField({ name: 'closedAt' }));
		meldingen.fields.add(new NumberField({ name: 'followerCount', min: 0, onlyInt: true }));
		meldingen.indexes.push('CREATE INDEX idx_meldingen_category ON meldingen (category, status)');
		app.save(meldingen);

		const updates = app.findCollectionByNameOrId('melding_updates');
		// A resident's reopen is a row without an author; its reason stays internal.
		updates.fields.add(new BoolField({ name: 'byResident' }));
		updates.fields.add(new TextField({ name: 'previousStatus', max: 30 }));
		// Only the status route writes updates, so that the timeline always matches the status.
		updates.createRule = null;
		app.save(updates);

		const followers = new Collection({
			type: 'base',
			name: 'melding_followers',
			listRule: STAFF,
			viewRule: STAFF,
			createRule: null,
			updateRule: null,
			deleteRule: null,
			fields: [
				{
					type: 'relation',
					name: 'melding',
					required: true,
					collectionId: meldingen.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{ type: 'email', name: 'email' },
				{ type: 'text', name: 'clientId', required: true, pattern: UUID },
				{ type: 'text', name: 'language', max: 8 },
				{ type: 'autodate', name: 'created', onCreate: true }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_melding_followers_client ON melding_followers (melding, clientId)'
			]
		});
		app.save(followers);

		const keys = new Collection({
			type: 'base',
			name: 'api_keys',
			listRule: ADMIN,
			viewRule: ADMIN,
			createRule: null,
			updateRule: null,
			deleteRule: ADMIN,
			fields: [
				{ type: 'text', name: 'name', required: true, max: 100 },
				// Only the SHA-256 of the key is stored: a leaked database leaks no keys.
				{ type: 'text', name: 'keyHash', required: true, hidden: true, max: 128 },
				{ type: 'text', name: 'prefix', max: 12 },
				{ type: 'bool', name: 'revoked' },
				{ type: 'date', name: 'lastUsed' },
				{ type: 'autodate', name: 'created', onCreate: true }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_api_keys_name ON api_keys (name)',
				'CREATE UNIQUE INDEX idx_api_keys_hash ON api_keys (keyHash)'
			]
		});
		app.save(keys);

		const settings = app.settings();
		const rules = settings.rateLimits.rules.filter((rule) => rule.label !== '/open311/');
		rules.push({ label: '/open311/', audience: '', duration: 60, maxRequests: 120 });
		settings.rateLimits.rules = rules;
		app.save(settings);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('api_keys'));
		app.delete(app.findCollectionByNameOrId('melding_followers'));
		const updates = app.findCollectionByNameOrId('melding_updates');
		updates.fields.removeByName('byResident');
		updates.fields.removeByName('previousStatus');
		app.save(updates);
		const meldingen = app.findCollectionByNameOrId('meldingen');
		for (const name of ['reopenCount', 'closedAt', 'followerCount']) {
			meldingen.fields.removeByName(name);
		}
		meldingen.indexes = meldingen.indexes.filter(
			(index) => !index.includes('idx_meldingen_category')
		);
		meldingen.fields.getByName('channel').values = ['web', 'app', 'kiosk'];
		app.save(meldingen);
	}
);
