/// <reference path="../pb_data/types.d.ts" />
// Emails to followers of a theme or district, reliably (issue 5): each email
// due for a published decision is a row, marked sent only once the mail server
// took it; a cron job (pb_hooks/decisions.pb.js) sends what is due and retries
// what failed, so an outage of the mail server delays emails instead of losing
// them, and publishing never waits for the mail server.
//
// A row keeps no address: it points at the subscription, and unsubscribing
// (which deletes the subscription) deletes its rows too. Once every email of a
// decision was sent (or given up), its rows are deleted.

migrate(
	(app) => {
		const decisions = app.findCollectionByNameOrId('decisions');
		// When the followers to mail were fixed (the first publication). notifiedAt now
		// says when every one of those emails was sent.
		decisions.fields.add(new DateField({ name: 'mailQueuedAt', hidden: true }));
		app.save(decisions);
		// Decisions mailed under the old scheme are done: never queue them again.
		app
			.db()
			.newQuery("UPDATE decisions SET mailQueuedAt = notifiedAt WHERE notifiedAt != ''")
			.execute();

		const subscriptions = app.findCollectionByNameOrId('decision_subscriptions');
		const mails = new Collection({
			type: 'base',
			name: 'decision_mails',
			// The server only: nobody reads or writes these through the API.
			listRule: null,
			viewRule: null,
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
					type: 'relation',
					name: 'subscription',
					required: true,
					collectionId: subscriptions.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{ type: 'number', name: 'attempts', min: 0, onlyInt: true },
				// Not before this time: a retry waits longer after each failure.
				{ type: 'date', name: 'nextAttemptAt' },
				{ type: 'date', name: 'sentAt' },
				{ type: 'autodate', name: 'created', onCreate: true }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_decision_mails_unique ON decision_mails (decision, subscription)',
				'CREATE INDEX idx_decision_mails_due ON decision_mails (sentAt, nextAttemptAt)'
			]
		});
		app.save(mails);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('decision_mails'));
		const decisions = app.findCollectionByNameOrId('decisions');
		decisions.fields.removeByName('mailQueuedAt');
		app.save(decisions);
	}
);
