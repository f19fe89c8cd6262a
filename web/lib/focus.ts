import { tick } from 'svelte';

/**
 * After a client-side step or page change, move focus to the new main heading,
 * so screen reader users hear where they are and keyboard users start there.
 */
export async function focusMainHeading(): Promise<void> {
	await tick();
	const heading = document.querySelector<HTMLElement>('main h1');
	if (!heading) return;
	heading.setAttribute('tabindex', '-1');
	heading.focus();
}
