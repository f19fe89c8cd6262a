import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import type { ManifestOptions } from 'vite-plugin-pwa';
import { BRAND_BLUE, ICONS, SCREENSHOTS, pwaAssets } from './web/lib/pwa/icons.ts';
import nl from './web/lib/i18n/messages/nl/pwa.json' with { type: 'json' };

/** The install manifest: Dutch first (lang nl); the kiosk is its own fullscreen app under /kiosk/. */
function manifest(kiosk: boolean, base: string): Partial<ManifestOptions> {
	return {
		id: base,
		name: kiosk ? nl['pwa.manifest.kioskName'] : nl['pwa.manifest.name'],
		short_name: nl['pwa.manifest.shortName'],
		description: nl['pwa.manifest.description'],
		lang: 'nl',
		dir: 'ltr',
		start_url: base,
		scope: base,
		display: kiosk ? 'fullscreen' : 'standalone',
		background_color: '#ffffff',
		theme_color: BRAND_BLUE,
		categories: ['government', 'utilities'],
		icons: ICONS.map((icon) => ({ ...icon })),
		...(kiosk
			? {}
			: {
					screenshots: SCREENSHOTS.map((shot) => ({
						...shot,
						label: nl['pwa.manifest.description']
					})),
					shortcuts: [
						{
							name: nl['pwa.shortcut.opinion'],
							url: base,
							icons: [{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' }]
						},
						{
							name: nl['pwa.shortcut.report'],
							url: `${base}melden`,
							icons: [{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' }]
						}
					]
				})
	};
}

/**
 * The citizen build never shows kiosk screens, but the root layout imports the
 * kiosk shell (behind a build-time `if`, which cannot drop a component with
 * module-level effects). Kiosk components resolve to an empty one there, so
 * their code and the QR library stay out of a resident's first load.
 */
function kioskComponentsOnlyInKiosk(kiosk: boolean): Plugin {
	const nothing = fileURLToPath(
		new URL('./web/lib/components/pwa/Nothing.svelte', import.meta.url)
	);
	return {
		name: 'stadsstem:kiosk-components-only-in-kiosk',
		enforce: 'pre',
		resolveId(source) {
			if (kiosk || !/components\/kiosk\/[^/]+\.svelte$/.test(source)) return null;
			return nothing;
		}
	};
}

export default defineConfig(({ mode }) => {
	const kiosk = mode === 'kiosk';
	const base = kiosk ? '/kiosk/' : '/';
	return {
		plugins: [
			kioskComponentsOnlyInKiosk(kiosk),
			sveltekit(),
			pwaAssets({
				source: 'web/static/icon.svg',
				screenshotText: {
					title: nl['pwa.shortcut.opinion'],
					cards: [nl['pwa.screenshot.card1'], nl['pwa.screenshot.card2']]
				}
			}),
			SvelteKitPWA({
				strategies: 'injectManifest',
				srcDir: 'web',
				filename: 'service-worker.ts',
				// web/lib/pwa/register.ts registers it with workbox-window (update prompt).
				injectRegister: false,
				scope: base,
				base,
				manifest: manifest(kiosk, base),
				injectManifest: {
					// The SPA shell, its code, styles, icons and the manifest; not the screenshots.
					globPatterns: ['client/**/*.{js,css,svg,webmanifest}', 'client/icons/*.png'],
					globIgnores: ['client/screenshots/**']
				},
				kit: {
					assets: 'web/static',
					adapterFallback: 'index.html',
					spa: true
				},
				devOptions: { enabled: false }
			})
		],
		define: {
			// Lets components ask "am I the kiosk?" at build time, so kiosk-only code
			// is dropped from the citizen bundle.
			__STADSSTEM_VARIANT__: JSON.stringify(kiosk ? 'kiosk' : 'citizen')
		},
		server: {
			proxy: { '/api': 'http://127.0.0.1:8090', '/open311': 'http://127.0.0.1:8090' }
		}
	};
});
