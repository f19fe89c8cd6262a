/**
 * `stadsstem journeys …` on its own: the same commands as the full CLI, without loading the
 * server, seed and other command groups. `cli/bin/stadsstem.js` runs this from a prebuilt bundle
 * (see launch.js), so a summary of a large log does not first pay for the whole CLI under tsx.
 */
import { Command } from 'commander';
import { runProgram } from '../cli-error.ts';
import { registerJourneys } from './command.ts';

const program = new Command('stadsstem').showHelpAfterError().exitOverride();
registerJourneys(program);

await runProgram(program);
