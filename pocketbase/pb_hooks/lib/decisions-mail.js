/// <reference path="../../pb_data/types.d.ts" />
// Residents who follow a theme or a district get one email when a matching
// decision is published. Subscribing is double opt-in: nothing is sent about
// decisions before the address owner confirms.

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

/** Emails every matching subscriber once; returns how many were sent. */
function notifySubscribers(app, decision, appURL) {
	const slug = decision.getString('slug');
	let sent = 0;
	matchingSubscriptions(app, decision).forEach((subscription) => {
		try {
			send(
				app,
				subscription.getString('email'),
				'Nieuwe beslissing: ' + (decision.getString('shortTitle') || decision.getString('title')),
				[
					'Hallo,',
					'De stad publiceerde een beslissing over ' + followsLabel(subscription) + ':',
					decision.getString('title'),
					decision.getString('summary'),
					'Lees de beslissing: ' + appURL + '/beslissingen/' + slug,
					'Wil je deze e-mails niet meer? Schrijf je uit: ' +
						appURL +
						'/beslissingen/volgen?uitschrijven=' +
						subscription.getString('token')
				]
			);
			sent++;
		} catch (error) {
			// One bad address must not stop the others.
			app.logger().error('decision mail failed', 'decision', slug, 'error', String(error));
		}
	});
	return sent;
}

/** Once per decision, when it is first published. */
function notifyOnPublish(app, record) {
	if (record.getString('status') !== 'published' || record.getString('notifiedAt')) return 0;
	const base = String(app.settings().meta.appURL || '').replace(/\/+$/, '');
	// Marked first: a crash half-way mails nobody twice.
	app
		.db()
		.newQuery('UPDATE decisions SET notifiedAt = {:now} WHERE id = {:id}')
		.bind({ now: new Date().toISOString().replace('T', ' '), id: record.id })
		.execute();
	return notifySubscribers(app, record, base);
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
	sendConfirmation,
	notifySubscribers,
	matchingSubscriptions,
	notifyOnPublish,
	subscriptionByToken
};
