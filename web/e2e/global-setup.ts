// Browser tests run against the real builds served by a real, seeded PocketBase.
import { ensureBuilds } from '../../scripts/build.ts';
import { startTestServer } from '../../pocketbase/test-server.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
	ensureBuilds((line) => process.stderr.write(`${line}\n`));
	const server = await startTestServer({
		port: Number(process.env.STADSSTEM_E2E_PORT),
		// Not the default (180): the privacy and staff pages must show what the server is set to.
		env: { STADSSTEM_JOURNEY_RETENTION_DAYS: '150' }
	});
	// Workers read these to log in as staff or to prepare data through the API.
	process.env.STADSSTEM_E2E_SUPERUSER = JSON.stringify(server.superuser);
	process.env.STADSSTEM_E2E_STAFF_PASSWORD = server.staffPassword;
	return () => server.stop();
}
