// Build-time Vite plugin: the install icons and store screenshots are
// rasterised from one SVG (web/static/icon.svg) with resvg, so the brand mark
// has a single source and no generated PNG is kept in git.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Plugin } from 'vite';

export const BRAND_BLUE = '#0057b7';
const BRAND_RED = '#cf0039';

/** The icons as the manifests list them (paths relative to the manifest). */
export const ICONS = [
	{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
	{ src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
	{ src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
	{ src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
] as const;

export const SCREENSHOTS = [
	{ src: 'screenshots/phone.png', sizes: '720x1280', type: 'image/png', form_factor: 'narrow' },
	{ src: 'screenshots/wide.png', sizes: '1280x720', type: 'image/png', form_factor: 'wide' }
] as const;

function render(svg: string, width: number): Buffer {
	return new Resvg(svg, {
		fitTo: { mode: 'width', value: width },
		font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }
	})
		.render()
		.asPng();
}

/**
 * Maskable icons are cropped to a circle or squircle by the launcher: the mark
 * goes inside the central 80 % safe zone on a full-bleed brand background.
 */
function maskable(iconSvg: string): string {
	const inner = iconSvg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="${BRAND_BLUE}"/><svg x="76.8" y="76.8" width="358.4" height="358.4" viewBox="0 0 512 512">${inner}</svg></svg>`;
}

/** A drawn impression of the home page: header, heading, survey cards, two buttons. */
function screenshot(width: number, height: number, title: string, lines: string[]): string {
	const wide = width > height;
	const column = wide ? 720 : width - 80;
	const left = (width - column) / 2;
	const cards = lines
		.map(
			(line, i) =>
				`<rect x="${left}" y="${300 + i * 190}" width="${column}" height="160" rx="12" fill="#fff" stroke="#c8d3e6" stroke-width="3"/>` +
				`<text x="${left + 32}" y="${370 + i * 190}" font-size="34" font-weight="bold" fill="#1a1a1a">${line}</text>` +
				`<rect x="${left + 32}" y="${400 + i * 190}" width="${column / 2}" height="18" rx="9" fill="#dde3ee"/>`
		)
		.join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="${width}" height="${height}" fill="#f3f6fb"/>
<rect width="${width}" height="120" fill="${BRAND_BLUE}"/>
<circle cx="${left + 40}" cy="60" r="26" fill="#fff"/><circle cx="${left + 40}" cy="68" r="9" fill="${BRAND_RED}"/>
<text x="${left + 90}" y="74" font-size="40" font-weight="bold" fill="#fff">Stadsstem</text>
<text x="${left}" y="230" font-size="52" font-weight="bold" fill="#1a1a1a">${title}</text>
${cards}
</svg>`;
}

export interface PwaAssetsOptions {
	/** The SVG to rasterise, e.g. web/static/icon.svg. */
	source: string;
	/** Headline and card titles drawn into the screenshots (Dutch, from the message file). */
	screenshotText: { title: string; cards: string[] };
}

/** Emits icons/*.png and screenshots/*.png into the client build (and so into the precache). */
export function pwaAssets(options: PwaAssetsOptions): Plugin {
	let ssr = false;
	return {
		name: 'stadsstem:pwa-assets',
		apply: 'build',
		configResolved(config) {
			ssr = Boolean(config.build.ssr);
		},
		generateBundle() {
			if (ssr) return;
			const svg = readFileSync(path.resolve(options.source), 'utf8');
			const emit = (fileName: string, source: Buffer) =>
				this.emitFile({ type: 'asset', fileName, source });
			for (const icon of ICONS) {
				const size = Number(icon.sizes.split('x')[0]);
				emit(icon.src, render(icon.purpose === 'maskable' ? maskable(svg) : svg, size));
			}
			emit('icons/apple-touch-icon.png', render(maskable(svg), 180));
			const { title, cards } = options.screenshotText;
			for (const shot of SCREENSHOTS) {
				const [width, height] = shot.sizes.split('x').map(Number);
				emit(shot.src, render(screenshot(width, height, title, cards), width));
			}
		}
	};
}
