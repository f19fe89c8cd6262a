import type { Command } from 'commander';

export function registerSurveys(program: Command): void {
	program.command('surveys').description('(not yet available)');
}
