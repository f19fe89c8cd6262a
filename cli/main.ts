import { Command, CommanderError } from 'commander';
import { registerBackup } from './backup/command.ts';
import { registerDecisions } from './decisions/command.ts';
import { registerJourneys } from './journeys/command.ts';
import { registerKeys } from './keys/command.ts';
import { registerKioskCommands } from './kiosk/command.ts';
import { registerPrivacy } from './privacy/command.ts';
import { registerSurveys } from './surveys/command.ts';
import { registerSeed } from './seed/command.ts';
import { registerServe } from './serve/command.ts';
import { CliError } from './cli-error.ts';

const program = new Command('stadsstem')
	.description('Stadsstem: participation platform tools for city staff, IT and service designers')
	.showHelpAfterError()
	.exitOverride();

registerServe(program);
registerSeed(program);
registerSurveys(program);
registerJourneys(program);
registerKeys(program);
registerDecisions(program);
registerKioskCommands(program);
registerBackup(program);
registerPrivacy(program);

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
