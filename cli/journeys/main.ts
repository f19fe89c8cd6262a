/**
 * `stadsstem journeys …` on its own: the same commands as the full CLI, without loading the
 * server, seed and other command groups. `cli/bin/stadsstem.js` runs this from a prebuilt bundle
 * (see launch.js), so a summary of a large log does not first pay for the whole CLI under tsx.
 */
import { Command, CommanderError } from 'commander';
import { CliError } from '../cli-error.ts';
import { registerJourneys } from './command.ts';

const program = new Command('stadsstem').showHelpAfterError().exitOverride();
registerJourneys(program);

try {
	await program.parseAsync(process.argv);
} catch (error) {
	if (error instanceof CommanderError) process.exit(error.exitCode);
	// A user's mistake gets one clear sentence, never a stack trace.
	if (error instanceof CliError) {
		process.stderr.write(`stadsstem: ${error.message}\n`);
		process.exit(error.exitCode);
	}
	throw error;
}
