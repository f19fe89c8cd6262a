#!/usr/bin/env node
// Node 20 cannot run TypeScript itself; tsx compiles the CLI's modules on load.
// `journeys` runs from a cached bundle instead (cli/journeys/launch.js): its big logs should not
// wait for tsx's start-up. Without a bundle it runs under tsx like the rest.
if (
	process.argv[2] !== 'journeys' ||
	!(await (await import('../journeys/launch.js')).launchJourneys())
) {
	const { register } = await import('tsx/esm/api');
	register();
	await import('../main.ts');
}
