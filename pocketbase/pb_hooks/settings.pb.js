/// <reference path="../pb_data/types.d.ts" />
// Per-deployment settings come from the environment at every start, so the
// same database can move between machines. Nothing here is written to disk.

onBootstrap((e) => {
	e.next();
	const env = (name) => $os.getenv(name);
	const settings = e.app.settings();

	if (env('STADSSTEM_PUBLIC_URL')) settings.meta.appURL = env('STADSSTEM_PUBLIC_URL');
	if (env('SMTP_HOST')) {
		settings.smtp.enabled = true;
		settings.smtp.host = env('SMTP_HOST');
		settings.smtp.port = parseInt(env('SMTP_PORT') || '25', 10);
		settings.smtp.username = env('SMTP_USERNAME');
		settings.smtp.password = env('SMTP_PASSWORD');
		settings.smtp.tls = env('SMTP_TLS') === 'true';
		settings.meta.senderAddress = env('SMTP_SENDER') || 'noreply@stadsstem.local';
		settings.meta.senderName = 'Stadsstem';
	}
	// Only test runs set this: one loopback client plays many residents there.
	if (env('STADSSTEM_RATE_LIMIT_EXCLUDED_IPS')) {
		settings.rateLimits.excludedIPs = env('STADSSTEM_RATE_LIMIT_EXCLUDED_IPS').split(',');
	}
});
