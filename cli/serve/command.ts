import path from 'node:path';
import type { Command } from 'commander';
import PocketBase from 'pocketbase';
import {
	ensureServerBinary,
	ensureWritableDir,
	isPortFree,
	migrate,
	POCKETBASE_DIR,
	ServerSetupError,
	startServer,
	upsertSuperuser
} from '../../pocketbase/server.ts';
import { ensureBuilds } from '../../scripts/build.ts';
import { preparePlainCsvModule } from '../journeys/input/wasm/plain-csv-module.ts';
import { CliError } from '../cli-error.ts';
import { DEMO_STAFF, seedDemoContent } from '../seed/seed.ts';
import { loadOrCreateCredentials } from './credentials.ts';

interface ServeOptions {
	host: string;
	port: string;
	dataDir: string;
	build: boolean;
	seed: boolean;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

export function registerServe(program: Command): void {
	program
		.command('serve')
		.description('build what is missing, migrate, seed an empty database and serve the platform')
		.option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
		.option('--port <port>', 'port to listen on', process.env.PORT ?? '8090')
		.option(
			'--data-dir <dir>',
			'where the database and uploads live',
			process.env.STADSSTEM_DATA_DIR ?? path.join(POCKETBASE_DIR, 'pb_data')
		)
		.option('--no-build', 'do not build the web apps, serve what is in build/')
		.option('--no-seed', 'never load demo content')
		.action((options: ServeOptions) => serve(options));
}

async function serve(options: ServeOptions): Promise<void> {
	const port = Number(options.port);
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		throw new CliError(`PORT must be a number from 1 to 65535, not "${options.port}".`);
	}
	const dataDir = path.resolve(options.dataDir);
	try {
		// Fail fast, before building or writing anything.
		if (!(await isPortFree(options.host, port))) {
			throw new ServerSetupError(
				`Port ${port} on ${options.host} is already in use: stop what runs there or choose another with PORT.`
			);
		}
		const binary = ensureServerBinary(log);
		if (options.build) {
			ensureBuilds(log);
			await preparePlainCsvModule(log);
		}
		ensureWritableDir(dataDir);
		migrate(binary, dataDir);
		const credentials = loadOrCreateCredentials(dataDir);
		upsertSuperuser(binary, dataDir, credentials.superuserEmail, credentials.superuserPassword);

		const server = await startServer({
			binary,
			dataDir,
			host: options.host,
			port,
			stdio: 'inherit'
		});
		const stop = () => void server.stop().then(() => process.exit(0));
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);

		const pb = new PocketBase(server.url);
		await pb
			.collection('_superusers')
			.authWithPassword(credentials.superuserEmail, credentials.superuserPassword);
		const empty = (await pb.collection('surveys').getList(1, 1, { fields: 'id' })).totalItems === 0;
		if (empty && options.seed) {
			// The seed says what it changed on the way (demo survey dates moved to today).
			await seedDemoContent(pb, { staffPassword: credentials.staffPassword, report: log });
			log('Demo content loaded into the empty database.');
		} else {
			log(`Existing data in ${dataDir} kept as it is.`);
		}

		const staff = DEMO_STAFF.map((account) => `${account.email} (${account.role})`).join(', ');
		log(
			[
				'',
				'Stadsstem is running. Press Ctrl-C to stop.',
				`  Residents:   ${server.url}/`,
				`  Kiosk:       ${server.url}/kiosk/`,
				`  Staff login: ${server.url}/medewerkers/ as ${staff}`,
				`               password: ${credentials.staffPassword}`,
				`  Dashboard:   ${server.url}/_/ as ${credentials.superuserEmail}, password: ${credentials.superuserPassword}`,
				`  Data:        ${dataDir}`,
				''
			].join('\n')
		);
		server.process.once('exit', (code) => process.exit(code ?? 0));
	} catch (error) {
		if (error instanceof ServerSetupError) throw new CliError(error.message);
		throw error;
	}
}
