import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// svelte.config.js cannot see Vite's --mode, so the build variant comes from
// an environment variable set by the npm scripts (see DESIGN.md §3).
const variant = process.env.STADSSTEM_VARIANT === 'kiosk' ? 'kiosk' : 'citizen';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({
			pages: `build/${variant}`,
			assets: `build/${variant}`,
			fallback: 'index.html'
		}),
		files: { src: 'web', assets: 'web/static' },
		outDir: '.svelte-kit',
		paths: { base: variant === 'kiosk' ? '/kiosk' : '' },
		serviceWorker: { register: false },
		typescript: {
			// Type-check the whole repository, not only the app under web/.
			config(tsconfig) {
				tsconfig.include.push(
					'../cli/**/*.ts',
					'../surveys/**/*.ts',
					'../pocketbase/*.ts',
					'../pocketbase/tests/**/*.ts',
					'../scripts/**/*.ts',
					'../accessibility/**/*.ts',
					'../kiosk/**/*.ts',
					'../playwright.config.ts',
					'../vitest.config.ts'
				);
				// AssemblyScript (u32, load<u8>, SIMD): its compiler checks it, see plain-csv-module.ts.
				tsconfig.exclude.push('../cli/**/*.as.ts');
			}
		},
		alias: {
			$surveys: 'surveys',
			$journeys: 'cli/journeys/analysis'
		}
	}
};
