// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	const __STADSSTEM_VARIANT__: 'citizen' | 'kiosk';
	namespace App {}
}

export {};
