/** The channel a submission came through (DESIGN.md §5): the kiosk build, the installed app, or the web. */
export function currentChannel(): 'web' | 'app' | 'kiosk' {
	if (__STADSSTEM_VARIANT__ === 'kiosk') return 'kiosk';
	return window.matchMedia?.('(display-mode: standalone)').matches ? 'app' : 'web';
}
