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
