/// <reference path="../pb_data/types.d.ts" />
// Decisions (issue 5): the visible history of a published decision, and
// residents who follow a theme or district by email.
//
// What a subscription keeps, and nothing more: the email address, the one theme
// or district followed, a random token (for the confirm and unsubscribe links),
// whether it is confirmed, and when it was made. Unconfirmed ones are deleted
// after 7 days (pb_hooks/decisions.pb.js); unsubscribing deletes the row.

const STAFF = "@request.auth.collectionName = 'users'";
const DISTRICTS = [
	'antwerpen',
	'berchem',
	'berendrecht-zandvliet-lillo',
	'borgerhout',
	'deurne',
	'ekeren',
	'hoboken',
	'merksem',
	'wilrijk'
];

migrate(
	(app) => {
		const decisions = app.findCollectionByNameOrId('decisions');
		const users = app.findCollectionByNameOrId('users');

		// Why a published decision changed: staff write it with the edit, the
		// hook moves it into the revision and empties it again.
		decisions.fields.add(new TextField({ name: 'changeNote', max: 1000 }));
		// Set once subscribers were emailed, so a republish never mails twice and an
		// import of old decisions can opt out.
		decisions.fields.add(new DateField({ name: 'notifiedAt', hidden: true }));
		decisions.indexes.push(
			'CREATE INDEX idx_decisions_listing ON decisions (status, publicationDate)'
		);
		app.save(decisions);

		const revisions = new Collection({
			type: 'base',
			name: 'decision_revisions',
			// A resident sees the history of what they can see: published decisions.
			listRule: `decision.status = 'published' || (${STAFF})`,
			viewRule: `decision.status = 'published' || (${STAFF})`,
			// Written by the server only (pb_hooks/decisions.pb.js), never edited.
			createRule: null,
			updateRule: null,
			deleteRule: null,
			fields: [
				{
					type: 'relation',
					name: 'decision',
					required: true,
					collectionId: decisions.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{
					type: 'select',
					name: 'kind',
					required: true,
					maxSelect: 1,
					values: ['published', 'changed', 'withdrawn', 'republished']
				},
				// The names of the fields that changed, and their values before the change.
				{ type: 'json', name: 'changedFields', maxSize: 5000 },
				{ type: 'json', name: 'previous', maxSize: 1000000 },
				{ type: 'text', name: 'note', max: 1000 },
				// Only staff can expand it (users' view rule); residents see an id at most.
				{ type: 'relation', name: 'author', collectionId: users.id, maxSelect: 1 },
				{ type: 'autodate', name: 'created', onCreate: true }
			],
			indexes: [
				'CREATE INDEX idx_decision_revisions_decision ON decision_revisions (decision, created)'
			]
		});
		app.save(revisions);

		const subscriptions = new Collection({
			type: 'base',
			name: 'decision_subscriptions',
			// Nobody lists or reads these through the API: residents use the routes
			// in pb_hooks/decisions.pb.js, which never return an address.
			listRule: null,
			viewRule: null,
			createRule: null,
			updateRule: null,
			deleteRule: null,
			fields: [
				{ type: 'email', name: 'email', required: true },
				{ type: 'text', name: 'theme', max: 50, pattern: '^[a-z0-9-]*$' },
				{ type: 'select', name: 'district', maxSelect: 1, values: DISTRICTS },
				{ type: 'text', name: 'token', required: true, min: 32, max: 64, hidden: true },
				{ type: 'bool', name: 'confirmed' },
				{ type: 'autodate', name: 'created', onCreate: true }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_decision_subscriptions_token ON decision_subscriptions (token)',
				'CREATE UNIQUE INDEX idx_decision_subscriptions_unique ON decision_subscriptions (email, theme, district)'
			]
		});
		app.save(subscriptions);

		const settings = app.settings();
		// Subscribing sends an email: limit it like any other resident write.
		settings.rateLimits.rules.push({
			label: '/api/stadsstem/decision-subscriptions',
			audience: '',
			duration: 60,
			maxRequests: 10
		});
		app.save(settings);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('decision_subscriptions'));
		app.delete(app.findCollectionByNameOrId('decision_revisions'));
		const decisions = app.findCollectionByNameOrId('decisions');
		decisions.fields.removeByName('changeNote');
		decisions.fields.removeByName('notifiedAt');
		decisions.indexes = decisions.indexes.filter(
			(index) => !index.includes('idx_decisions_listing')
		);
		app.save(decisions);
	}
);
