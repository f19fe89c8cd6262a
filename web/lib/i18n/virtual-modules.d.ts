// One language's shell words (see shell.ts), made by vite.config.ts at build time.
declare module 'virtual:stadsstem-message-shell/*' {
	const messages: Record<string, string>;
	export default messages;
}
