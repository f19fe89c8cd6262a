/** The aria-describedby value for a field with an optional hint and error. */
export function describedBy(
	id: string,
	hint?: string,
	error?: string,
	...more: string[]
): string | undefined {
	const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', ...more].filter(Boolean);
	return ids.length ? ids.join(' ') : undefined;
}
