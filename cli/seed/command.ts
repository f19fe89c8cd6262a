import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { connectAsSuperuser, withServerOptions, type ServerOptions } from '../server-connection.ts';
import { seedDemoContent } from './seed.ts';

export function registerSeed(program: Command): void {
	withServerOptions(
		program
			.command('seed')
			.description(
				'load the demo content into a running server (idempotent: existing records are kept)'
			)
	)
		.option(
			'--staff-password <password>',
			'password for the demo staff accounts',
			process.env.STADSSTEM_STAFF_PASSWORD
		)
		.action(async (options: ServerOptions & { staffPassword?: string }) => {
			if (!options.staffPassword) {
				throw new CliError('Give --staff-password or set STADSSTEM_STAFF_PASSWORD.');
			}
			const pb = await connectAsSuperuser(options);
			const counts = await seedDemoContent(pb, {
				staffPassword: options.staffPassword,
				report: (message) => process.stdout.write(`${message}\n`)
			});
			for (const [collection, { created, kept }] of Object.entries(counts)) {
				process.stdout.write(`${collection}: ${created} created, ${kept} already there\n`);
			}
		});
}
