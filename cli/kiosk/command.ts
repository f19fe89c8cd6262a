import type { Command } from 'commander';
import { ClientResponseError } from 'pocketbase';
import { CliError } from '../cli-error.ts';
import { connectAsSuperuser, withServerOptions, type ServerOptions } from '../server-connection.ts';
import { launchUrl, registerKiosk } from './kiosk.ts';

export function registerKioskCommands(program: Command): void {
	const kiosk = program.command('kiosk').description('kiosk tablets at webpunten');
	withServerOptions(
		kiosk
			.command('register')
			.description('register a kiosk; its token and helper PIN are printed once')
			.argument('<name>', 'a unique name, e.g. "bib-permeke-1"')
			.requiredOption('--location <location>', 'the webpunt, e.g. "Bibliotheek Permeke"')
			.option('--idle <seconds>', 'idle time before the warning (default 120)')
	).action(async (name: string, options: ServerOptions & { location: string; idle?: string }) => {
		if (!name.trim() || name.length > 100)
			throw new CliError('Give the kiosk a name of 1 to 100 characters.');
		if (options.location.length > 200)
			throw new CliError('Keep the location under 200 characters.');
		const idle = options.idle === undefined ? undefined : Number(options.idle);
		if (idle !== undefined && (!Number.isInteger(idle) || idle < 30 || idle > 3600))
			throw new CliError('--idle is a whole number of seconds from 30 to 3600.');
		const pb = await connectAsSuperuser(options);
		try {
			const made = await registerKiosk(pb, name.trim(), options.location.trim(), {
				idleSeconds: idle
			});
			process.stdout.write(
				[
					`Kiosk "${made.name}" (${made.location}) registered.`,
					'Shown once; store them now:',
					`  token:      ${made.token}`,
					`  helper PIN: ${made.pin}`,
					`  launch URL: ${launchUrl(options.url, made.token)}`,
					'Put the token in /etc/stadsstem/kiosk.env on the tablet (see kiosk/README.md).',
					''
				].join('\n')
			);
		} catch (error) {
			if (error instanceof ClientResponseError && error.status === 400) {
				throw new CliError(`A kiosk named "${name}" exists already: choose another name.`);
			}
			throw error;
		}
	});
}
