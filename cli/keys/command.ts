import type { Command } from 'commander';
import PocketBase, { ClientResponseError } from 'pocketbase';
import { CliError } from '../cli-error.ts';
import { createApiKey } from './keys.ts';

export function registerKeys(program: Command): void {
	const keys = program.command('keys').description('API keys for the Open311 endpoint');
	keys
		.command('create')
		.description('issue an Open311 API key for a partner system; the key is printed once')
		.argument('<name>', 'who gets the key, e.g. "fixmystreet-antwerpen"')
		.option('--url <url>', 'the server', process.env.STADSSTEM_URL ?? 'http://127.0.0.1:8090')
		.requiredOption('--email <email>', 'superuser email', process.env.STADSSTEM_SUPERUSER_EMAIL)
		.action(async (name: string, options: { url: string; email: string }) => {
			const password = process.env.STADSSTEM_SUPERUSER_PASSWORD;
			if (!password)
				throw new CliError('Set STADSSTEM_SUPERUSER_PASSWORD to the superuser password.');
			if (!name.trim() || name.length > 100)
				throw new CliError('Give the key a name of 1 to 100 characters.');
			const pb = new PocketBase(options.url);
			try {
				await pb.collection('_superusers').authWithPassword(options.email, password);
			} catch {
				throw new CliError(
					`Could not log in to ${options.url} as ${options.email}: is the server running and the password right?`
				);
			}
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
