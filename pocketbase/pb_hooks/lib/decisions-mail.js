/// <reference path="../../pb_data/types.d.ts" />
// Residents who follow a theme or a district get one email when a matching
// decision is published. Subscribing is double opt-in: nothing is sent about
// decisions before the address owner confirms. Decision emails are queued at
// publication (decision_mails) and sent by a cron job, with retries.

const { jsonValue } = require(`${__hooks}/lib/decisions-query.js`);

function escapeHtml(text) {
	return String(text).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
}

function sender(app) {
	const meta = app.settings().meta;
	return {
		address: meta.senderAddress || 'noreply@stadsstem.local',
		name: meta.senderName || 'Stadsstem'
	};
}

function send(app, to, subject, lines) {
	const text = lines.join('\n\n');
	const html = lines
		.map(
			(line) =>
				'<p>' + escapeHtml(line).replace(/(https?:\/\/\S+)/g, '<a href="$1">$1</a>') + '</p>'
		)
		.join('\n');
	const message = new MailerMessage({
		from: sender(app),
		to: [{ address: to }],
		subject: subject,
		html: html,
		text: text
	});
	app.newMailClient().send(message);
}

function followsLabel(subscription) {
	return subscription.getString('theme')
		? 'het thema "' + subscription.getString('theme') + '"'
		: 'het district ' + subscription.getString('district');
}

function sendConfirmation(app, subscription, appURL) {
	const token = subscription.getString('token');
	send(app, subscription.getString('email'), 'Bevestig: je volgt beslissingen van de stad', [
		'Hallo,',
		'Je wil een e-mail krijgen als de stad een beslissing publiceert over ' +
			followsLabel(subscription) +
			'.',
		'Klik op deze link om dat te bevestigen: ' + appURL + '/beslissingen/volgen?bevestig=' + token,
		'Heb je dit niet gevraagd? Doe dan niets. Wij wissen je adres na 7 dagen.',
		'Stadsstem, stad Antwerpen'
	]);
}

/** Confirmed subscriptions that match the decision's themes or district, one per address. */
function matchingSubscriptions(app, decision) {
	const themes = (jsonValue(decision, 'themes') || []).map(String);
	const district = decision.getString('district');
	const found = app.findRecordsByFilter(
		'decision_subscriptions',
		'confirmed = true',
		'created',
		0,
		0
	);
	const byEmail = {};
	found.forEach((subscription) => {
		const theme = subscription.getString('theme');
		const matches =
			(theme && themes.indexOf(theme) >= 0) ||
			(district && subscription.getString('district') === district);
		if (matches && !byEmail[subscription.getString('email')]) {
			byEmail[subscription.getString('email')] = subscription;
		}
	});
	return Object.keys(byEmail).map((email) => byEmail[email]);
}

// ---- delivery: queued at publication, sent and retried by a cron job ----------

/** After this many failed attempts an email is given up (about two and a half days). */
const MAX_ATTEMPTS = 20;
/** Consecutive failures after which a run stops: the mail server is likely down. */
const STOP_AFTER_FAILURES = 3;

/** PocketBase's stored form of a date-time, which compares correctly as text. */
function stamp(ms) {
	return new Date(ms).toISOString().replace('T', ' ');
}

/** The wait before the next attempt: 30 s, doubling per failure, at most 6 hours. */
function backoffMs(attempts) {
	return Math.min(30000 * Math.pow(2, attempts), 6 * 3600 * 1000);
}

function markDecision(app, id, fields) {
	const names = Object.keys(fields);
	app
		.db()
		.newQuery(
			'UPDATE decisions SET ' +
				names.map((name) => name + ' = {:' + name + '}').join(', ') +
				' WHERE id = {:id}'
		)
		.bind(Object.assign({ id: id }, fields))
		.execute();
}

/**
 * On the first publication: fixes who gets an email about this decision (the
 * confirmed followers of its themes or district now) and queues one email each.
 * Database work only, so publishing stays fast; the cron job sends. A decision
 * already queued or notified (republished, or imported as history) is skipped.
 */
function queueForDecision(app, decision) {
	if (decision.getString('status') !== 'published') return 0;
	if (decision.getString('mailQueuedAt') || decision.getString('notifiedAt')) return 0;
	let queued = 0;
	app.runInTransaction((tx) => {
		const fresh = tx.findRecordById('decisions', decision.id);
		if (fresh.getString('mailQueuedAt') || fresh.getString('notifiedAt')) return;
		const now = stamp(Date.now());
		const collection = tx.findCollectionByNameOrId('decision_mails');
		matchingSubscriptions(tx, fresh).forEach((subscription) => {
			const mail = new Record(collection);
			mail.load({
				decision: fresh.id,
				subscription: subscription.id,
				attempts: 0,
				nextAttemptAt: now
			});
			tx.save(mail);
			queued++;
		});
		markDecision(
			tx,
			fresh.id,
			queued ? { mailQueuedAt: now } : { mailQueuedAt: now, notifiedAt: now }
		);
	});
	return queued;
}

/** queueForDecision for the publish hooks: the decision is saved already, so a failure only logs. */
function queueSafely(app, decision) {
	try {
		queueForDecision(app, decision);
	} catch (error) {
		// The cron job queues what is missing on its next run.
		app
			.logger()
			.error('decision mail queue failed', 'decision', decision.id, 'error', String(error));
	}
}

function sendDecisionMail(app, decision, subscription, appURL) {
	send(
		app,
		subscription.getString('email'),
		'Nieuwe beslissing: ' + (decision.getString('shortTitle') || decision.getString('title')),
		[
			'Hallo,',
			'De stad publiceerde een beslissing over ' + followsLabel(subscription) + ':',
			decision.getString('title'),
			decision.getString('summary'),
			'Lees de beslissing: ' + appURL + '/beslissingen/' + decision.getString('slug'),
			'Wil je deze e-mails niet meer? Schrijf je uit: ' +
				appURL +
				'/beslissingen/volgen?uitschrijven=' +
				subscription.getString('token')
		]
	);
}

/** Once none of a decision's emails is still to be sent: sets its notifiedAt and forgets the rows. */
function finishIfDone(app, decisionId) {
	app.runInTransaction((tx) => {
		const left = new DynamicModel({ count: 0 });
		tx.db()
			.newQuery(
				"SELECT COUNT(*) AS count FROM decision_mails WHERE decision = {:id} AND sentAt = '' AND attempts < {:max}"
			)
			.bind({ id: decisionId, max: MAX_ATTEMPTS })
			.one(left);
		if (left.count !== 0) return;
		markDecision(tx, decisionId, { notifiedAt: stamp(Date.now()) });
		// Done: who was mailed about what is not kept longer than needed.
		tx.db()
			.newQuery('DELETE FROM decision_mails WHERE decision = {:id}')
			.bind({ id: decisionId })
			.execute();
	});
}

/**
 * The cron job: queues any published decision the publish hook did not, then
 * sends every email that is due, oldest first. An email is claimed (its next
 * attempt moved into the future) before it is sent, so two runs at once never
 * send it twice, and marked sent only after the mail server accepted it.
 * Returns { sent, failed }.
 */
function deliverDue(app) {
	app
		.findRecordsByFilter(
			'decisions',
			"status = 'published' && mailQueuedAt = '' && notifiedAt = ''",
			'created',
			100,
			0
		)
		.forEach((decision) => queueForDecision(app, decision));

	const base = String(app.settings().meta.appURL || '').replace(/\/+$/, '');
	const now = Date.now();
	const due = app.findRecordsByFilter(
		'decision_mails',
		"sentAt = '' && attempts < {:max} && nextAttemptAt <= {:now} && decision.status = 'published'",
		'created',
		500,
		0,
		{ max: MAX_ATTEMPTS, now: stamp(now) }
	);
	const result = { sent: 0, failed: 0 };
	const touched = {};
	let failuresInARow = 0;
	for (const mail of due) {
		if (failuresInARow >= STOP_AFTER_FAILURES) break;
		const attempts = mail.getInt('attempts');
		const claimed = app
			.db()
			.newQuery(
				"UPDATE decision_mails SET attempts = {:next}, nextAttemptAt = {:later} WHERE id = {:id} AND sentAt = '' AND attempts = {:attempts}"
			)
			.bind({
				id: mail.id,
				attempts: attempts,
				next: attempts + 1,
				later: stamp(now + backoffMs(attempts))
			})
			.execute();
		if (claimed.rowsAffected() !== 1) continue;
		const decisionId = mail.getString('decision');
		touched[decisionId] = true;
		try {
			const decision = app.findRecordById('decisions', decisionId);
			const subscription = app.findRecordById(
				'decision_subscriptions',
				mail.getString('subscription')
			);
			sendDecisionMail(app, decision, subscription, base);
		} catch (error) {
			result.failed++;
			failuresInARow++;
			app
				.logger()
				.error(
					'decision mail failed, will retry',
					'decision',
					decisionId,
					'attempt',
					attempts + 1,
					'error',
					String(error)
				);
			if (attempts + 1 >= MAX_ATTEMPTS) {
				app.logger().error('decision mail given up', 'decision', decisionId);
			}
			continue;
		}
		failuresInARow = 0;
		result.sent++;
		app
			.db()
			.newQuery('UPDATE decision_mails SET sentAt = {:now} WHERE id = {:id}')
			.bind({ now: stamp(Date.now()), id: mail.id })
			.execute();
	}
	Object.keys(touched).forEach((decisionId) => finishIfDone(app, decisionId));
	return result;
}

/** The subscription a confirm or unsubscribe link points to. */
function subscriptionByToken(app, body) {
	const token = body && body.token !== undefined && body.token !== null ? body.token : '';
	if (typeof token !== 'string') {
		throw new BadRequestError('"token" must be text.', {
			token: new ValidationError('invalid_type', '"token" must be text.')
		});
	}
	if (!/^[A-Za-z0-9]{32,64}$/.test(token)) throw new NotFoundError('Unknown or expired link.');
	try {
		return app.findFirstRecordByFilter('decision_subscriptions', 'token = {:token}', {
			token: token
		});
	} catch {
		throw new NotFoundError('Unknown or expired link.');
	}
}

module.exports = {
	MAX_ATTEMPTS,
	sendConfirmation,
	matchingSubscriptions,
	queueForDecision,
	queueSafely,
	deliverDue,
	subscriptionByToken
};
