// How CLI commands reach a running server as superuser: the same flags, the
// same environment variables and the same one-sentence error for all of them.
import type { Command } from 'commander';
import PocketBase from 'pocketbase';
import { CliError } from './cli-error.ts';

export interface ServerOptions {
	url: string;
	email: string;
}

/** Adds --url and --email (defaults from STADSSTEM_URL and STADSSTEM_SUPERUSER_EMAIL). */
export function withServerOptions(command: Command): Command {
	return command
		.option('--url <url>', 'the server', process.env.STADSSTEM_URL ?? 'http://127.0.0.1:8090')
		.requiredOption('--email <email>', 'superuser email', process.env.STADSSTEM_SUPERUSER_EMAIL);
}

/** Logs in with STADSSTEM_SUPERUSER_PASSWORD; the password never goes on the command line. */
export async function connectAsSuperuser(options: ServerOptions): Promise<PocketBase> {
	const password = process.env.STADSSTEM_SUPERUSER_PASSWORD;
	if (!password) throw new CliError('Set STADSSTEM_SUPERUSER_PASSWORD to the superuser password.');
	const pb = new PocketBase(options.url);
	pb.autoCancellation(false);
	try {
		await pb.collection('_superusers').authWithPassword(options.email, password);
	} catch {
		throw new CliError(
			`Could not log in to ${options.url} as ${options.email}: is the server running and the password right?`
		);
	}
	return pb;
}
