import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import type { ManifestOptions } from 'vite-plugin-pwa';
import { isShellKey } from './web/lib/i18n/shell.ts';
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

/**
 * `virtual:stadsstem-message-shell/<lang>`: the words of one language that the
 * home page and the layout show (web/lib/i18n/shell.ts), from all its area
 * files in one small module, so that a phone's first load carries a few
 * hundred words in one request instead of every page's words.
 */
function messageShell(): Plugin {
	const prefix = 'virtual:stadsstem-message-shell/';
	const messagesDir = fileURLToPath(new URL('./web/lib/i18n/messages/', import.meta.url));
	return {
		name: 'stadsstem:message-shell',
		resolveId(source) {
			return source.startsWith(prefix) ? `\0${source}` : null;
		},
		load(id) {
			if (!id.startsWith(`\0${prefix}`)) return null;
			const language = id.slice(prefix.length + 1);
			if (!/^[a-z]{2}$/.test(language)) throw new Error(`No message folder for ${language}`);
			const shell: Record<string, string> = {};
			for (const file of readdirSync(path.join(messagesDir, language)).sort()) {
				if (!file.endsWith('.json')) continue;
				const full = path.join(messagesDir, language, file);
				this.addWatchFile(full);
				const messages = JSON.parse(readFileSync(full, 'utf8')) as Record<string, string>;
				for (const [key, text] of Object.entries(messages)) {
					if (isShellKey(file.slice(0, -'.json'.length), key)) shell[key] = text;
				}
			}
			return `export default ${JSON.stringify(shell)};`;
		}
	};
}

export default defineConfig(({ mode }) => {
	const kiosk = mode === 'kiosk';
	const base = kiosk ? '/kiosk/' : '/';
	return {
		plugins: [
			kioskComponentsOnlyInKiosk(kiosk),
			messageShell(),
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
