import { CommanderError, type Command } from 'commander';

/** An error caused by the user's input or environment: shown as one sentence, exit code 1 or 2. */
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode = 1
	) {
		super(message);
		this.name = 'CliError';
	}
}

/** Runs the program; a user's mistake gets one clear sentence, never a stack trace. */
export async function runProgram(program: Command): Promise<void> {
	try {
		await program.parseAsync(process.argv);
	} catch (error) {
		if (error instanceof CommanderError) process.exit(error.exitCode);
		if (error instanceof CliError) {
			process.stderr.write(`stadsstem: ${error.message}\n`);
			process.exit(error.exitCode);
		}
		throw error;
	}
}
