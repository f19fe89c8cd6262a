/// <reference path="../pb_data/types.d.ts" />
// Journey events (issue 8) reach the server through /api/batch, whose limit of
// 30 requests a minute per address was too tight for a webpunt: its kiosks and
// the residents' phones on its wifi share one public address. A browser sends
// one batch at most every 0.8 s and only after a step change; a resident takes
// a step every ten seconds or so, about six batches a minute per device. 120 a
// minute leaves room for some twenty devices behind one address. Abuse stays
// bounded by the events rule (journey_events:create, 600 a minute), since a
// batch holds at most 50 events. Both limits can be set per deployment with
// STADSSTEM_BATCH_RATE_LIMIT and STADSSTEM_JOURNEY_RATE_LIMIT (journeys.pb.js).

const BATCH = '/api/batch';

function withBatchLimit(rules, maxRequests) {
	const kept = [];
	for (let i = 0; i < rules.length; i++) {
		const rule = rules[i];
		kept.push({
			label: rule.label,
			audience: rule.audience,
			duration: rule.duration,
			maxRequests: rule.label === BATCH ? maxRequests : rule.maxRequests
		});
	}
	return kept;
}

migrate(
	(app) => {
		const settings = app.settings();
		settings.rateLimits.rules = withBatchLimit(settings.rateLimits.rules, 120);
		app.save(settings);
	},
	(app) => {
		const settings = app.settings();
		settings.rateLimits.rules = withBatchLimit(settings.rateLimits.rules, 30);
		app.save(settings);
	}
);
