import { Command } from 'commander';
import { registerBackup } from './backup/command.ts';
import { registerDecisions } from './decisions/command.ts';
import { registerJourneys } from './journeys/command.ts';
import { registerKeys } from './keys/command.ts';
import { registerKioskCommands } from './kiosk/command.ts';
import { registerPrivacy } from './privacy/command.ts';
import { registerSurveys } from './surveys/command.ts';
import { registerSeed } from './seed/command.ts';
import { registerServe } from './serve/command.ts';
import { runProgram } from './cli-error.ts';

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

await runProgram(program);
