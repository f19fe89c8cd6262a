// Photos are shrunk and re-encoded in the browser before upload: drawing on a
// canvas and saving as JPEG keeps the pixels only, so EXIF (GPS position,
// camera, date) never leaves the phone, and a 12 MB photo becomes ~300 kB.
export const MAX_PHOTOS = 3;
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;
export const MAX_EDGE = 1600;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];

export type PhotoProblem = 'type' | 'size' | 'unreadable';

export class PhotoError extends Error {
	constructor(readonly problem: PhotoProblem) {
		super(problem);
	}
}

export interface PreparedPhoto {
	blob: Blob;
	url: string;
	name: string;
	width: number;
	height: number;
}

export async function preparePhoto(file: File, index: number): Promise<PreparedPhoto> {
	if (!ACCEPTED.includes(file.type)) throw new PhotoError('type');
	if (file.size > MAX_SOURCE_BYTES) throw new PhotoError('size');
	let bitmap: ImageBitmap;
	try {
		// 'from-image' applies the EXIF orientation before the metadata is dropped.
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		throw new PhotoError('unreadable');
	}
	const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
	const width = Math.round(bitmap.width * scale);
	const height = Math.round(bitmap.height * scale);
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d');
	if (!context) throw new PhotoError('unreadable');
	// JPEG has no transparency: a white background instead of black for PNGs.
	context.fillStyle = '#fff';
	context.fillRect(0, 0, width, height);
	context.drawImage(bitmap, 0, 0, width, height);
	bitmap.close();
	const blob = await new Promise<Blob | null>((resolve) =>
		canvas.toBlob(resolve, 'image/jpeg', 0.85)
	);
	if (!blob) throw new PhotoError('unreadable');
	return { blob, url: URL.createObjectURL(blob), name: `foto-${index + 1}.jpg`, width, height };
}
