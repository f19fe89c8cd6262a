/**
 * Timestamp parsing for event logs: ISO 8601 with or without offset (`T` or space), Disco's
 * `YYYY/MM/DD hh:mm:ss.SSS`, date only, and epoch seconds or milliseconds. Works on bytes so the
 * CSV reader never has to build a string for a timestamp. Results are UTC epoch milliseconds
 * (fractions keep microseconds); NaN when the text is not a timestamp.
 */

/** Turns a naive wall-clock time (encoded as if it were UTC) into real UTC milliseconds. */
export interface Zone {
	readonly name: string;
	toUtc(wallMs: number): number;
}

export const UTC: Zone = { name: 'UTC', toUtc: (wallMs) => wallMs };

const HOUR = 3_600_000;

/** A zone from an IANA name (e.g. Europe/Brussels); throws RangeError for unknown names. */
export function createZone(name: string): Zone {
	if (/^(utc|z|gmt)$/i.test(name)) return UTC;
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone: name,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric'
	});
	const offsetAt = (utcMs: number): number => {
		const parts: Record<string, number> = {};
		for (const part of format.formatToParts(new Date(utcMs))) {
			if (part.type !== 'literal') parts[part.type] = Number(part.value);
		}
		const wall = Date.UTC(
			parts.year,
			parts.month - 1,
			parts.day,
			parts.hour,
			parts.minute,
			parts.second
		);
		return wall - Math.floor(utcMs / 1000) * 1000;
	};
	// Offsets change on hour boundaries in practice, so one lookup per wall-clock hour suffices.
	const cache = new Map<number, number>();
	return {
		name: format.resolvedOptions().timeZone,
		toUtc(wallMs: number): number {
			const hour = Math.floor(wallMs / HOUR);
			let offset = cache.get(hour);
			if (offset === undefined) {
				const base = hour * HOUR;
				const first = offsetAt(base);
				offset = offsetAt(base - first);
				cache.set(hour, offset);
			}
			return wallMs - offset;
		}
	};
}

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

const DAY = 86_400_000;
const D0 = 48;

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

// The date part of the last ISO timestamp seen, packed as YYYYMMDD, and its epoch ms: logs come
// roughly in time order, so most events share the previous event's day.
let lastDate = -1;
let lastDateMs = 0;

function digits2(bytes: Uint8Array, p: number): number {
	const a = bytes[p] - D0;
	const b = bytes[p + 1] - D0;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The common exact shape `YYYY-MM-DDTHH:MM:SS(.fff…)Z` (what JavaScript and PocketBase write),
 * without the general parser's branches; NaN for anything else, which the general parser then
 * reads.
 */
function parseIsoUtc(bytes: Uint8Array, start: number, end: number): number {
	const length = end - start;
	if (length < 20 || bytes[end - 1] !== 90) return NaN;
	const p = start;
	if (bytes[p + 4] !== 45 || bytes[p + 7] !== 45 || bytes[p + 10] !== 84) return NaN;
	if (bytes[p + 13] !== 58 || bytes[p + 16] !== 58) return NaN;
	const century = digits2(bytes, p);
	const yy = digits2(bytes, p + 2);
	const month = digits2(bytes, p + 5);
	const day = digits2(bytes, p + 8);
	if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || day > 31) return NaN;
	const date = ((century * 100 + yy) * 100 + month) * 100 + day;
	if (date !== lastDate) {
		lastDateMs = daysFromCivil(century * 100 + yy, month, day) * DAY;
		lastDate = date;
	}
	const hour = digits2(bytes, p + 11);
	const minute = digits2(bytes, p + 14);
	const second = digits2(bytes, p + 17);
	if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || second < 0 || second > 60) return NaN;
	let ms = lastDateMs + hour * HOUR + minute * 60_000 + second * 1000;
	if (length === 20) return ms;
	if (bytes[p + 19] !== 46 || length === 21) return NaN;
	let fraction = 0;
	let scale = 1;
	for (let i = p + 20; i < end - 1; i++) {
		const c = bytes[i] - D0;
		if (c < 0 || c > 9) return NaN;
		fraction = fraction * 10 + c;
		scale *= 10;
	}
	ms += (fraction * 1000) / scale;
	return ms;
}

/** Parses bytes[start, end) as a timestamp. */
export function parseTimestampBytes(
	bytes: Uint8Array,
	start: number,
	end: number,
	zone: Zone
): number {
	const iso = parseIsoUtc(bytes, start, end);
	if (iso === iso) return iso; // not NaN
	while (start < end && bytes[start] === 32) start++;
	while (end > start && (bytes[end - 1] === 32 || bytes[end - 1] === 13)) end--;
	if (end - start < 4) return NaN;
	if (isDigit(bytes[start + 4] ?? 0) || bytes[start] === 45) return parseEpoch(bytes, start, end);
	let p = start;
	let year = 0;
	for (let k = 0; k < 4; k++) {
		const c = bytes[p++];
		if (!isDigit(c)) return NaN;
		year = year * 10 + c - D0;
	}
	const dateSep = bytes[p];
	if (dateSep !== 45 && dateSep !== 47) return NaN;
	p++;
	let month = 0;
	let digits = 0;
	while (p < end && isDigit(bytes[p]) && digits < 2) {
		month = month * 10 + bytes[p++] - D0;
		digits++;
	}
	if (digits === 0 || bytes[p] !== dateSep) return NaN;
	p++;
	let day = 0;
	digits = 0;
	while (p < end && isDigit(bytes[p]) && digits < 2) {
		day = day * 10 + bytes[p++] - D0;
		digits++;
	}
	if (digits === 0 || month < 1 || month > 12 || day < 1 || day > 31) return NaN;
	let ms = daysFromCivil(year, month, day) * DAY;
	if (p === end) return zone.toUtc(ms);
	const sep = bytes[p];
	if (sep !== 84 && sep !== 32 && sep !== 116) return NaN;
	p++;
	while (p < end && bytes[p] === 32) p++;
	if (p + 5 > end) return NaN;
	const c0 = bytes[p];
	const c1 = bytes[p + 1];
	const c3 = bytes[p + 3];
	const c4 = bytes[p + 4];
	if (!isDigit(c0) || !isDigit(c1) || bytes[p + 2] !== 58 || !isDigit(c3) || !isDigit(c4)) {
		return NaN;
	}
	const hour = (c0 - D0) * 10 + c1 - D0;
	const minute = (c3 - D0) * 10 + c4 - D0;
	if (hour > 24 || minute > 59) return NaN;
	ms += hour * HOUR + minute * 60_000;
	p += 5;
	if (p < end && bytes[p] === 58) {
		const s0 = bytes[p + 1];
		const s1 = bytes[p + 2];
		if (!isDigit(s0) || !isDigit(s1)) return NaN;
		const second = (s0 - D0) * 10 + s1 - D0;
		if (second > 60) return NaN;
		ms += second * 1000;
		p += 3;
		if (p < end && (bytes[p] === 46 || bytes[p] === 44)) {
			p++;
			let fraction = 0;
			let scale = 1;
			while (p < end && isDigit(bytes[p])) {
				fraction = fraction * 10 + bytes[p++] - D0;
				scale *= 10;
			}
			if (scale === 1) return NaN;
			ms += (fraction * 1000) / scale;
		}
	}
	while (p < end && bytes[p] === 32) p++;
	if (p === end) return zone.toUtc(ms);
	const z = bytes[p];
	if ((z === 90 || z === 122) && p + 1 === end) return ms;
	if (z !== 43 && z !== 45) return NaN;
	p++;
	if (p + 2 > end || !isDigit(bytes[p]) || !isDigit(bytes[p + 1])) return NaN;
	const offHour = (bytes[p] - D0) * 10 + bytes[p + 1] - D0;
	p += 2;
	let offMinute = 0;
	if (p < end && bytes[p] === 58) p++;
	if (p < end) {
		if (p + 2 !== end || !isDigit(bytes[p]) || !isDigit(bytes[p + 1])) return NaN;
		offMinute = (bytes[p] - D0) * 10 + bytes[p + 1] - D0;
	}
	const offset = (offHour * 60 + offMinute) * 60_000;
	return z === 43 ? ms - offset : ms + offset;
}

/** Epoch numbers: values of 1e11 and above are milliseconds, smaller ones seconds. */
function parseEpoch(bytes: Uint8Array, start: number, end: number): number {
	let p = start;
	const negative = bytes[p] === 45;
	if (negative) p++;
	let value = 0;
	let digits = 0;
	while (p < end && isDigit(bytes[p])) {
		value = value * 10 + bytes[p++] - D0;
		digits++;
	}
	if (digits === 0) return NaN;
	if (p < end && bytes[p] === 46) {
		p++;
		let scale = 1;
		let fraction = 0;
		while (p < end && isDigit(bytes[p])) {
			fraction = fraction * 10 + bytes[p++] - D0;
			scale *= 10;
		}
		value += fraction / scale;
	}
	if (p !== end) return NaN;
	if (negative) value = -value;
	return Math.abs(value) >= 1e11 ? value : value * 1000;
}

let scratch = new Uint8Array(64);

/** Parses a string; non-ASCII text cannot be a timestamp. */
export function parseTimestamp(text: string, zone: Zone = UTC): number {
	const length = text.length;
	if (length > scratch.length) scratch = new Uint8Array(length * 2);
	for (let i = 0; i < length; i++) {
		const c = text.charCodeAt(i);
		if (c > 127) return NaN;
		scratch[i] = c;
	}
	return parseTimestampBytes(scratch, 0, length, zone);
}
