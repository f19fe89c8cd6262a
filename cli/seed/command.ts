import type { Command } from 'commander';
import PocketBase from 'pocketbase';
import { CliError } from '../cli-error.ts';
import { seedDemoContent } from './seed.ts';

export function registerSeed(program: Command): void {
	program
		.command('seed')
		.description(
			'load the demo content into a running server (idempotent: existing records are kept)'
		)
		.option('--url <url>', 'the server', process.env.STADSSTEM_URL ?? 'http://127.0.0.1:8090')
		.requiredOption('--email <email>', 'superuser email', process.env.STADSSTEM_SUPERUSER_EMAIL)
		.option(
			'--staff-password <password>',
			'password for the demo staff accounts',
			process.env.STADSSTEM_STAFF_PASSWORD
		)
		.action(async (options: { url: string; email: string; staffPassword?: string }) => {
			const password = process.env.STADSSTEM_SUPERUSER_PASSWORD;
			if (!password)
				throw new CliError('Set STADSSTEM_SUPERUSER_PASSWORD to the superuser password.');
			if (!options.staffPassword)
				throw new CliError('Give --staff-password or set STADSSTEM_STAFF_PASSWORD.');
			const pb = new PocketBase(options.url);
			try {
				await pb.collection('_superusers').authWithPassword(options.email, password);
			} catch {
				throw new CliError(
					`Could not log in to ${options.url} as ${options.email}: is the server running and the password right?`
				);
			}
			const counts = await seedDemoContent(pb, { staffPassword: options.staffPassword });
			for (const [collection, { created, kept }] of Object.entries(counts)) {
				process.stdout.write(`${collection}: ${created} created, ${kept} already there\n`);
			}
		});
}
