/// <reference path="../pb_data/types.d.ts" />
// Decisions and rules (issue 5): the public list as JSON, each decision as
// JSON-LD (OSLO Besluit / ELI), the visible history of published decisions,
// and email to residents who follow a theme or district.
//
// Stable public URLs (documented in README.md):
//   GET /api/stadsstem/decisions                 the list, with search and filters
//   GET /api/stadsstem/decisions/{slug}.jsonld   one decision as JSON-LD (410 once withdrawn)
// Handlers run in their own VM: shared code is required inside each one.

routerAdd('GET', '/api/stadsstem/decisions', (e) => {
	const query = require(`${__hooks}/lib/decisions-query.js`);
	const params = e.request.url.query();
	const parsed = query.parseListQuery((name) => params.get(name));
	if (parsed.errors) {
		return e.json(400, { status: 400, message: 'Invalid query.', data: parsed.errors });
	}
	const base = String($app.settings().meta.appURL || '').replace(/\/+$/, '');
	const result = query.listDecisions($app, parsed.query, base);
	result.themes = query.themeCounts($app);
	e.response.header().set('Cache-Control', 'public, max-age=60');
	return e.json(200, result);
});

routerAdd('GET', '/api/stadsstem/decisions/{file}', (e) => {
	const file = e.request.pathValue('file');
	const match = /^([a-z0-9-]{1,120})\.jsonld$/.exec(file);
	if (!match) throw new NotFoundError('Use /api/stadsstem/decisions/{slug}.jsonld');
	let record;
	try {
		record = $app.findFirstRecordByFilter('decisions', 'slug = {:slug}', { slug: match[1] });
	} catch {
		throw new NotFoundError('No published decision with this slug.');
	}
	const status = record.getString('status');
	if (
		status === 'withdrawn' &&
		require(`${__hooks}/lib/decisions-history.js`).everPublished($app, record)
	) {
		// It was public at this stable address: 410 tells caches and linked-data
		// consumers that it is gone for good, not that the address is wrong.
		return e.json(410, { status: 410, message: 'This decision was withdrawn.', data: {} });
	}
	// Drafts (and anything never published) do not exist for the public.
	if (status !== 'published') throw new NotFoundError('No published decision with this slug.');
	const { toJsonLd } = require(`${__hooks}/lib/decisions-jsonld.js`);
	const { jsonValue } = require(`${__hooks}/lib/decisions-query.js`);
	const surveys = $app
		.findRecordsByIds('surveys', record.getStringSlice('relatedSurveys'))
		.filter((survey) => survey.getString('status') !== 'draft')
		.map((survey) => {
			const title = jsonValue(survey, 'title') || {};
			return { slug: survey.getString('slug'), title: title.nl || survey.getString('slug') };
		});
	const categories = $app
		.findRecordsByIds('categories', record.getStringSlice('relatedCategories'))
		.map((category) => {
			const name = jsonValue(category, 'name') || {};
			return { code: category.getString('code'), name: name.nl || category.getString('code') };
		});
	const base = String($app.settings().meta.appURL || '').replace(/\/+$/, '');
	const doc = toJsonLd(record, base, { surveys, categories });
	e.response.header().set('Content-Type', 'application/ld+json; charset=utf-8');
	e.response.header().set('Cache-Control', 'public, max-age=60');
	// Other sites and tools may read it from the browser.
	e.response.header().set('Access-Control-Allow-Origin', '*');
	return e.string(200, JSON.stringify(doc, null, 2));
});

// ---- import (superusers: `stadsstem decisions import`) ----------------------------

// All or nothing in one transaction (lib/decisions-import.js). An export can be
// large: up to 256 MB instead of PocketBase's default 32 MB.
routerAdd(
	'POST',
	'/api/stadsstem/decisions/import',
	(e) => {
		const lib = require(`${__hooks}/lib/decisions-import.js`);
		const { entries, publish } = lib.readBody(e.requestInfo().body);
		const result = lib.importAll(e.app, entries, publish);
		if (!result.ok) {
			return e.json(400, {
				status: 400,
				message:
					'Nothing was imported: ' +
					(result.where ? result.where + ' was refused: ' : '') +
					result.message,
				data: { index: result.index, where: result.where }
			});
		}
		return e.json(200, { imported: result.slugs });
	},
	$apis.requireSuperuserAuth(),
	$apis.bodyLimit(256 << 20)
);

// ---- full-text search ------------------------------------------------------------

// Model hooks: a decision saved by the API, the CLI import or the dashboard is
// searchable the same way (lib/decisions-search.js).
onRecordCreate((e) => {
	const { searchTextFor } = require(`${__hooks}/lib/decisions-search.js`);
	e.record.set('searchText', searchTextFor(e.record));
	e.next();
}, 'decisions');

onRecordUpdate((e) => {
	const { searchTextFor } = require(`${__hooks}/lib/decisions-search.js`);
	e.record.set('searchText', searchTextFor(e.record));
	e.next();
}, 'decisions');

// ---- history and publication rules --------------------------------------------------

onRecordCreateRequest((e) => {
	require(`${__hooks}/lib/decisions-history.js`).saveWithHistory(e, null);
}, 'decisions');

onRecordUpdateRequest((e) => {
	require(`${__hooks}/lib/decisions-history.js`).saveWithHistory(e, e.record.original());
}, 'decisions');

// After the database commit, so a failed save never mails anyone. Model hooks:
// a decision published by the CLI or the dashboard mails the same way. Only
// queued here (database work): the request never waits for the mail server.
onRecordAfterCreateSuccess((e) => {
	e.next();
	require(`${__hooks}/lib/decisions-mail.js`).queueSafely($app, e.record);
}, 'decisions');

onRecordAfterUpdateSuccess((e) => {
	e.next();
	require(`${__hooks}/lib/decisions-mail.js`).queueSafely($app, e.record);
}, 'decisions');

// Sends the queued emails and retries failed ones (a mail server that was down).
cronAdd('decisionMails', '* * * * *', () => {
	require(`${__hooks}/lib/decisions-mail.js`).deliverDue($app);
});

// ---- following a theme or district ------------------------------------------------

routerAdd('POST', '/api/stadsstem/decision-subscriptions', (e) => {
	const { DISTRICTS } = require(`${__hooks}/lib/decisions-query.js`);
	const b = require(`${__hooks}/lib/body.js`);
	const body = b.object(e);
	const email = b.text(body, 'email').trim().toLowerCase();
	const theme = b.text(body, 'theme');
	const district = b.text(body, 'district');
	const errors = {};
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
		errors.email = new ValidationError('validation_invalid_email', 'Give a valid email address.');
	}
	if (!theme === !district) {
		errors.theme = new ValidationError('validation_one_of', 'Choose a theme or a district.');
	} else if (theme && !/^[a-z0-9-]{1,50}$/.test(theme)) {
		errors.theme = new ValidationError('validation_invalid', 'Unknown theme.');
	} else if (district && DISTRICTS.indexOf(district) < 0) {
		errors.district = new ValidationError('validation_invalid', 'Unknown district.');
	}
	if (Object.keys(errors).length) throw new BadRequestError('Check the form.', errors);

	const base = String($app.settings().meta.appURL || '').replace(/\/+$/, '');
	const found = arrayOf(new Record());
	$app
		.recordQuery('decision_subscriptions')
		.andWhere($dbx.hashExp({ email: email, theme: theme, district: district }))
		.limit(1)
		.all(found);
	let subscription = found[0];
	if (!subscription) {
		subscription = new Record($app.findCollectionByNameOrId('decision_subscriptions'));
		subscription.load({
			email,
			theme,
			district,
			token: $security.randomString(40),
			confirmed: false
		});
		$app.save(subscription);
	}
	if (!subscription.getBool('confirmed')) {
		try {
			require(`${__hooks}/lib/decisions-mail.js`).sendConfirmation($app, subscription, base);
		} catch (error) {
			$app.logger().error('decision subscription mail failed', 'error', String(error));
			// Said plainly: without the email the resident cannot confirm. Trying again re-sends it.
			return e.json(503, {
				status: 503,
				message: 'The email could not be sent. Try again later.',
				data: {}
			});
		}
	}
	// The same answer whether the address was known or not: nobody learns who follows what.
	return e.json(202, { status: 'check-your-email' });
});

routerAdd('POST', '/api/stadsstem/decision-subscriptions/confirm', (e) => {
	const mail = require(`${__hooks}/lib/decisions-mail.js`);
	const subscription = mail.subscriptionByToken($app, e.requestInfo().body);
	subscription.set('confirmed', true);
	$app.save(subscription);
	return e.json(200, {
		status: 'confirmed',
		theme: subscription.getString('theme'),
		district: subscription.getString('district')
	});
});

routerAdd('POST', '/api/stadsstem/decision-subscriptions/unsubscribe', (e) => {
	const mail = require(`${__hooks}/lib/decisions-mail.js`);
	const subscription = mail.subscriptionByToken($app, e.requestInfo().body);
	// Unsubscribing forgets the address entirely.
	$app.delete(subscription);
	return e.json(200, { status: 'unsubscribed' });
});

// Unconfirmed addresses are not kept longer than a week.
cronAdd('decisionSubscriptionsCleanup', '17 3 * * *', () => {
	const cutoff = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString().replace('T', ' ');
	$app
		.db()
		.newQuery('DELETE FROM decision_subscriptions WHERE confirmed = FALSE AND created < {:cutoff}')
		.bind({ cutoff })
		.execute();
});
