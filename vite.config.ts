import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig(({ mode }) => ({
	plugins: [sveltekit()],
	define: {
		// Lets components ask "am I the kiosk?" at build time, so kiosk-only code
		// is dropped from the citizen bundle.
		__STADSSTEM_VARIANT__: JSON.stringify(mode === 'kiosk' ? 'kiosk' : 'citizen')
	},
	server: {
		proxy: { '/api': 'http://127.0.0.1:8090', '/open311': 'http://127.0.0.1:8090' }
	}
}));
