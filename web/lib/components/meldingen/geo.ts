// Small geometry for the dependency-free map: Web Mercator (so that optional
// slippy-map tiles line up) and point-in-polygon for the district of a point.
import type { MapConfig, Point } from './api';

/** Pixels at zoom 11, where Antwerp is about 400 × 550 px. */
const WORLD = 256 * 2 ** 11;
export const BASE_ZOOM = 11;

export function project(point: Point): { x: number; y: number } {
	const sin = Math.sin((point.lat * Math.PI) / 180);
	return {
		x: ((point.lon + 180) / 360) * WORLD,
		y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * WORLD
	};
}

export function unproject(x: number, y: number): Point {
	const lon = (x / WORLD) * 360 - 180;
	const n = Math.PI - (2 * Math.PI * y) / WORLD;
	const lat = (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)));
	return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
}

function inRing(point: Point, ring: number[][]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (
			yi > point.lat !== yj > point.lat &&
			point.lon < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi
		) {
			inside = !inside;
		}
	}
	return inside;
}

export function polygonsOf(
	geometry: MapConfig['districts']['features'][number]['geometry']
): number[][][][] {
	return geometry.type === 'Polygon'
		? [geometry.coordinates as number[][][]]
		: (geometry.coordinates as number[][][][]);
}

export function districtAt(config: MapConfig, point: Point): string {
	for (const feature of config.districts.features) {
		for (const rings of polygonsOf(feature.geometry)) {
			if (inRing(point, rings[0]) && !rings.slice(1).some((hole) => inRing(point, hole))) {
				return feature.properties.district;
			}
		}
	}
	return '';
}
