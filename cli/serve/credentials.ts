// The demo accounts' passwords are made once per data folder and kept beside
// the database (never in the repository), so every install has its own.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DemoCredentials {
	superuserEmail: string;
	superuserPassword: string;
	staffPassword: string;
}

function password(): string {
	return randomBytes(12).toString('base64url');
}

export function loadOrCreateCredentials(dataDir: string): DemoCredentials {
	const file = path.join(dataDir, 'demo-credentials.json');
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials;
	const credentials: DemoCredentials = {
		superuserEmail: 'superuser@stadsstem.local',
		superuserPassword: password(),
		staffPassword: password()
	};
	writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
	return credentials;
}
