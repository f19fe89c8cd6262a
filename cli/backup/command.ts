import type { Command } from 'commander';
import { connectAsSuperuser, withServerOptions, type ServerOptions } from '../server-connection.ts';
import { backupTo, restoreFrom, waitHealthy } from './backup.ts';

export function registerBackup(program: Command): void {
	withServerOptions(
		program
			.command('backup')
			.description('save all data and uploaded files of a running server to one zip file')
			.option('--out <file>', 'where to write the zip (default: a dated name here)')
	).action(async (options: ServerOptions & { out?: string }) => {
		const pb = await connectAsSuperuser(options);
		const file = await backupTo(pb, options.out);
		process.stdout.write(`Backup written to ${file}\n`);
	});

	withServerOptions(
		program
			.command('restore')
			.description('replace all data of a running server with a backup zip (the server restarts)')
			.argument('<file>', 'a zip made by stadsstem backup')
	).action(async (file: string, options: ServerOptions) => {
		const pb = await connectAsSuperuser(options);
		await restoreFrom(pb, file);
		await waitHealthy(options.url);
		process.stdout.write(`Restored ${file}; the server runs with the restored data.\n`);
	});
}
