import type { Command } from 'commander';

export function registerKeys(program: Command): void {
	program.command('keys').description('(not yet available)');
}
