import type { Command } from 'commander';

export function registerDecisions(program: Command): void {
	program.command('decisions').description('(not yet available)');
}
