/// <reference path="../pb_data/types.d.ts" />
// Kiosks (issue 6): the helper's assisted session lives on the kiosk record as
// a hash and an end time, so the server can tell an assisted submission from an
// unassisted one without knowing who the helper is. The PIN route gets its own,
// tighter rate limit on top of the per-kiosk lock (failedPins, lockedUntil).

const UNLOCK_RULE = '/api/stadsstem/kiosk/unlock';

// The rules are a Go slice: copy them into a plain array one by one.
function withoutUnlockRule(rules) {
	const kept = [];
	for (let i = 0; i < rules.length; i++) {
		const rule = rules[i];
		if (rule.label === UNLOCK_RULE) continue;
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
		const kiosks = app.findCollectionByNameOrId('kiosks');
		kiosks.fields.add(new TextField({ name: 'assistedHash', hidden: true, max: 200 }));
		kiosks.fields.add(new DateField({ name: 'assistedUntil' }));
		app.save(kiosks);

		const settings = app.settings();
		settings.rateLimits.rules = [
			{ label: UNLOCK_RULE, audience: '', duration: 60, maxRequests: 10 },
			...withoutUnlockRule(settings.rateLimits.rules)
		];
		app.save(settings);
	},
	(app) => {
		const kiosks = app.findCollectionByNameOrId('kiosks');
		kiosks.fields.removeByName('assistedHash');
		kiosks.fields.removeByName('assistedUntil');
		app.save(kiosks);
		const settings = app.settings();
		settings.rateLimits.rules = withoutUnlockRule(settings.rateLimits.rules);
		app.save(settings);
	}
);
