// A second origin in front of the test server whose service worker script can
// change: to the browser that is exactly what a new build looks like. Used by
// the citizen app's update prompt test and the kiosk's update-at-reset test.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NewerBuilds {
	url: string;
	/** From now on the service worker script differs: a new build is out. */
	release(): void;
	close(): Promise<void>;
}

/** `workerPath`: the script that changes, e.g. `/service-worker.js` or `/kiosk/service-worker.js`. */
export async function serverWithNewerBuilds(
	target: string,
	workerPath = '/service-worker.js'
): Promise<NewerBuilds> {
	let build = 1;
	const server = http.createServer((incoming, outgoing) => {
		const headers = { ...incoming.headers, host: new URL(target).host };
		// A plain body to append to, and never an empty 304 for the worker script.
		delete headers['accept-encoding'];
		delete headers['if-none-match'];
		delete headers['if-modified-since'];
		const changed = build > 1 && incoming.url?.startsWith(workerPath);
		const upstream = http.request(
			new URL(incoming.url ?? '/', target),
			{ method: incoming.method, headers },
			(answer) => {
				if (!changed) {
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(outgoing);
					return;
				}
				const chunks: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => chunks.push(chunk));
				answer.on('end', () => {
					const body = Buffer.concat([...chunks, Buffer.from(`\n// stadsstem build ${build}\n`)]);
					const out = { ...answer.headers, 'content-length': String(body.length) };
					delete out['transfer-encoding'];
					outgoing.writeHead(answer.statusCode ?? 502, out);
					outgoing.end(body);
				});
			}
		);
		incoming.pipe(upstream);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		release: () => build++,
		close: () =>
			new Promise<void>((done) => {
				server.closeAllConnections();
				server.close(() => done());
			})
	};
}
