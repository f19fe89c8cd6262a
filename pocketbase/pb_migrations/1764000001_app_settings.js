/// <reference path="../pb_data/types.d.ts" />
// Application defaults. Values that differ per deployment (public URL, SMTP)
// are applied from the environment at every start by pb_hooks/settings.pb.js.

migrate(
	(app) => {
		const settings = app.settings();
		settings.meta.appName = 'Stadsstem';
		settings.meta.appURL = 'http://127.0.0.1:8090';
		settings.meta.hideControls = true;
		// Logs keep no IP addresses: residents are never tracked (DESIGN.md §5).
		settings.logs.maxDays = 7;
		settings.logs.logIP = false;
		settings.logs.logAuthId = false;
		settings.batch.enabled = true;
		settings.batch.maxRequests = 50;
		settings.batch.timeout = 3;
		settings.batch.maxBodySize = 2 * 1024 * 1024;
		settings.rateLimits.enabled = true;
		settings.rateLimits.rules = [
			// Staff login: slow down password guessing.
			{ label: '*:auth', audience: '', duration: 60, maxRequests: 10 },
			{ label: '*:create', audience: '@guest', duration: 60, maxRequests: 60 },
			{ label: '/api/batch', audience: '', duration: 60, maxRequests: 30 },
			{ label: '/api/stadsstem/meldingen/', audience: '', duration: 60, maxRequests: 60 },
			{ label: '/api/', audience: '', duration: 10, maxRequests: 300 }
		];
		app.save(settings);
	},
	(app) => {
		const settings = app.settings();
		settings.rateLimits.enabled = false;
		app.save(settings);
	}
);
