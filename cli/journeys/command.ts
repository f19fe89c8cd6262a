import type { Command } from 'commander';

export function registerJourneys(program: Command): void {
	program.command('journeys').description('(not yet available)');
}
