/// <reference path="../pb_data/types.d.ts" />
// Journey events (issue 8): their own rate limit, so that a page that flushes
// its steps often never eats into the budget of survey answers and meldingen,
// and a flood of events from one address is cut off on its own.

const RULE = 'journey_events:create';

// The rules are a Go slice: copy them into a plain array one by one.
function withoutRule(rules) {
	const kept = [];
	for (let i = 0; i < rules.length; i++) {
		const rule = rules[i];
		if (rule.label === RULE) continue;
		kept.push({
			label: rule.label,
			audience: rule.audience,
			duration: rule.duration,
			maxRequests: rule.maxRequests
		});
	}
	return kept;
}

migrate(
	(app) => {
		const settings = app.settings();
		// Each event in a batch counts as one create. A webpunt puts many residents
		// behind one address, hence generous, but finite.
		settings.rateLimits.rules = [
			{ label: RULE, audience: '', duration: 60, maxRequests: 600 },
			...withoutRule(settings.rateLimits.rules)
		];
		app.save(settings);
	},
	(app) => {
		const settings = app.settings();
		settings.rateLimits.rules = withoutRule(settings.rateLimits.rules);
		app.save(settings);
	}
);
