import type { Command } from 'commander';
import { ClientResponseError } from 'pocketbase';
import { CliError } from '../cli-error.ts';
import { connectAsSuperuser, withServerOptions, type ServerOptions } from '../server-connection.ts';
import { createApiKey } from './keys.ts';

export function registerKeys(program: Command): void {
	const keys = program.command('keys').description('API keys for the Open311 endpoint');
	withServerOptions(
		keys
			.command('create')
			.description('issue an Open311 API key for a partner system; the key is printed once')
			.argument('<name>', 'who gets the key, e.g. "fixmystreet-antwerpen"')
	).action(async (name: string, options: ServerOptions) => {
		if (!name.trim() || name.length > 100)
			throw new CliError('Give the key a name of 1 to 100 characters.');
		const pb = await connectAsSuperuser(options);
		try {
			const issued = await createApiKey(pb, name.trim());
			process.stdout.write(
				`API key for ${issued.name} (shown once, store it now):\n${issued.key}\n`
			);
		} catch (error) {
			if (error instanceof ClientResponseError && error.status === 400) {
				throw new CliError(`A key named "${name}" exists already: choose another name.`);
			}
			throw error;
		}
	});
}
