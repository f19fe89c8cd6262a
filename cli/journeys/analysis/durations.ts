const UNIT_MS: Record<string, number> = {
	s: 1000,
	m: 60_000,
	h: 3_600_000,
	d: 86_400_000,
	w: 7 * 86_400_000
};

/** Parses spans such as `30d`, `12h`, `90m`, `45s`, `2w` into milliseconds; undefined if invalid. */
export function parseDuration(text: string): number | undefined {
	const match = /^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$/i.exec(text);
	if (!match) return undefined;
	return Number(match[1]) * UNIT_MS[match[2].toLowerCase()];
}

/** A short human label for a span in seconds, e.g. `3.2 d`, for tables and reports. */
export function formatSeconds(seconds: number): string {
	const abs = Math.abs(seconds);
	if (abs < 60) return `${round1(seconds)} s`;
	if (abs < 3600) return `${round1(seconds / 60)} min`;
	if (abs < 86_400) return `${round1(seconds / 3600)} h`;
	return `${round1(seconds / 86_400)} d`;
}

function round1(value: number): string {
	return (Math.round(value * 10) / 10).toString();
}
