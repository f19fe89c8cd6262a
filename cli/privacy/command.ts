// `stadsstem privacy erase <email>`: staff erase a person's data on request
// (issue 11) through the server's erase route. It first shows what will be
// erased and asks for confirmation, unless --yes says it was already checked.
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import { CliError } from '../cli-error.ts';
import { connectAsSuperuser, withServerOptions, type ServerOptions } from '../server-connection.ts';

export interface EraseCounts {
	meldingen: number;
	followers: number;
	subscriptions: number;
}

/** Asks the server to erase (or, with dryRun, only count) what it holds for this address. */
export async function erase(pb: PocketBase, email: string, dryRun: boolean): Promise<EraseCounts> {
	try {
		return await pb.send<EraseCounts>('/api/stadsstem/privacy/erase', {
			method: 'POST',
			body: { email, dryRun }
		});
	} catch (error) {
		if (error instanceof ClientResponseError && error.status === 400) {
			throw new CliError(`${email} is not a valid email address.`, 2);
		}
		throw error;
	}
}

export function describeCounts(counts: EraseCounts): string[] {
	return [
		`  the address on ${counts.meldingen} melding(en) (the meldingen stay, without it)`,
		`  ${counts.followers} follow(s) of meldingen`,
		`  ${counts.subscriptions} subscription(s) to decisions`
	];
}

/** Reads one answer; the end of input (nothing typed, a closed pipe) counts as no. */
async function confirm(question: string): Promise<boolean> {
	const reader = createInterface({ input: process.stdin, output: process.stderr });
	const ended = new Promise<string>((resolve) => reader.once('close', () => resolve('')));
	try {
		const answer = await Promise.race([reader.question(question), ended]);
		return /^(y|yes|j|ja)$/i.test(answer.trim());
	} finally {
		reader.close();
	}
}

export function registerPrivacy(program: Command): void {
	const privacy = program.command('privacy').description("residents' personal data");
	withServerOptions(
		privacy
			.command('erase')
			.description(
				'erase every email address, follow and subscription of one person on request; shows what first'
			)
			.argument('<address>', "the person's email address")
			.option('--yes', 'erase without asking (after checking what it erases)')
	).action(async (address: string, options: ServerOptions & { yes?: boolean }) => {
		const email = address.trim().toLowerCase();
		const pb = await connectAsSuperuser(options);
		const counts = await erase(pb, email, true);
		if (counts.meldingen + counts.followers + counts.subscriptions === 0) {
			process.stdout.write(`Nothing is stored for ${email}; nothing to erase.\n`);
			return;
		}
		process.stdout.write([`For ${email} this erases:`, ...describeCounts(counts), ''].join('\n'));
		if (!options.yes && !(await confirm('Erase this now? Type yes to erase: '))) {
			process.stdout.write('Nothing erased.\n');
			process.exitCode = 1;
			return;
		}
		const done = await erase(pb, email, false);
		process.stdout.write(['Erased:', ...describeCounts(done), ''].join('\n'));
	});
}
