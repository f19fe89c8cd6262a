/**
 * AssemblyScript, compiled to WebAssembly by plain-csv-module.ts: the hot loop of reading a large,
 * plain CSV event log for `summary` and `variants`. Per line it finds the case, activity and time
 * fields with 16-byte SIMD compares, looks the case id up in a hash table keyed by its bytes,
 * interns the activity and parses the timestamp, and writes (case slot, activity, time) rows for
 * JavaScript to add to a VariantLogBuilder.
 *
 * It handles only the common shape: no quote anywhere in a line, every line with the wanted
 * fields filled, timestamps with date and time to the second (see parseTime). On any other line
 * it stops and says where and why; the caller then reads the file with the general reader
 * (csv-reader.ts), which handles quotes, dropped rows and every timestamp format. What it does
 * compute equals what the general reader computes (plain-csv-reader.test.ts), which is why the
 * timestamp rule mirrors analysis/timestamps.ts for the forms it reads.
 */

const LF: u8 = 10;
const CR: u8 = 13;
const QUOTE: u8 = 34;

/** Why scan() stopped on a line (failReason). */
const QUOTED = 1;
const FEW_FIELDS = 2;
const EMPTY_FIELD = 3;
const OTHER_TIME = 4;
const MANY_ACTIVITIES = 5;

/** Rows written per scan() call at most; JavaScript drains them and calls again. */
const ROW_CAPACITY: i32 = 1 << 14;

let delimiter: u8 = 44;
/** Whether a time without an offset is UTC (no --tz): then the scanner reads it too. */
let naiveIsUtc = true;
let caseColumn: i32 = 0;
let activityColumn: i32 = 1;
let timeColumn: i32 = 2;
let lastColumn: i32 = 2;

let input: usize = 0;
let inputCapacity: usize = 0;
const rowSlots: usize = heap.alloc(<usize>ROW_CAPACITY * 4);
const rowActivities: usize = heap.alloc(<usize>ROW_CAPACITY * 4);
const rowTimes: usize = heap.alloc(<usize>ROW_CAPACITY * 8);

// Cases: an open-addressing table of slots, and every id's bytes in slot order in an arena.
let table: usize = 0;
let tableMask: u32 = 0;
let cases: i32 = 0;
let caseArena: usize = 0;
let caseArenaCapacity: usize = 0;
let caseArenaUsed: usize = 0;
let caseBounds: usize = 0;
let caseBoundsCapacity: i32 = 0;

// Activities: few, so a small table over their bytes kept in an arena of their own.
const ACTIVITY_TABLE: u32 = 1 << 12;
const activityTable: usize = heap.alloc(<usize>ACTIVITY_TABLE * 16);
let activityArena: usize = 0;
let activityArenaCapacity: usize = 0;
let activityArenaUsed: usize = 0;
let activityBounds: usize = 0;
let activities: i32 = 0;

let linesRead: i32 = 0;
let consumedTo: usize = 0;
let failOffset: usize = 0;
let failCode: i32 = 0;

/** Sets the columns (0-based) and delimiter, and empties the tables. */
export function configure(
	delim: u8,
	caseCol: i32,
	activityCol: i32,
	timeCol: i32,
	naiveUtc: bool
): void {
	delimiter = delim;
	naiveIsUtc = naiveUtc;
	caseColumn = caseCol;
	activityColumn = activityCol;
	timeColumn = timeCol;
	lastColumn = max(caseCol, max(activityCol, timeCol));
	if (table) heap.free(table);
	if (sorted) heap.free(sorted);
	sorted = 0;
	sortedCount = 0;
	tableMask = (1 << 16) - 1;
	table = heap.alloc((<usize>(tableMask + 1)) << 3);
	memory.fill(table, 0, (<usize>(tableMask + 1)) << 3);
	cases = 0;
	if (!caseArena) {
		caseArenaCapacity = 1 << 20;
		caseArena = heap.alloc(caseArenaCapacity + 16);
		caseBoundsCapacity = 1 << 16;
		caseBounds = heap.alloc(<usize>caseBoundsCapacity * 4);
		activityArenaCapacity = 1 << 16;
		activityArena = heap.alloc(activityArenaCapacity + 16);
		activityBounds = heap.alloc(<usize>(ACTIVITY_TABLE + 1) * 4);
	}
	caseArenaUsed = 0;
	store<i32>(caseBounds, 0);
	memory.fill(activityTable, 0, <usize>ACTIVITY_TABLE * 16);
	activityArenaUsed = 0;
	activities = 0;
	store<i32>(activityBounds, 0);
	linesRead = 0;
}

/** The input buffer, at least `capacity` bytes; its first `keep` bytes are kept. */
export function inputBuffer(capacity: usize, keep: usize): usize {
	if (capacity > inputCapacity) {
		// Room past the end so a 16-byte load at the last byte stays inside the block.
		const bigger = heap.alloc(capacity + 16);
		if (input) {
			memory.copy(bigger, input, keep);
			heap.free(input);
		}
		input = bigger;
		inputCapacity = capacity;
	}
	return input;
}

/** Moves the bytes [from, to) of the input buffer to its start (a line cut at a chunk border). */
export function keepTail(from: usize, to: usize): void {
	memory.copy(input, input + from, to - from);
}

export function rowSlotsPointer(): usize {
	return rowSlots;
}
export function rowActivitiesPointer(): usize {
	return rowActivities;
}
export function rowTimesPointer(): usize {
	return rowTimes;
}
export function rowCapacity(): i32 {
	return ROW_CAPACITY;
}
export function caseCount(): i32 {
	return cases;
}
export function caseArenaPointer(): usize {
	return caseArena;
}
export function caseBoundsPointer(): usize {
	return caseBounds;
}
export function activityCount(): i32 {
	return activities;
}
export function activityArenaPointer(): usize {
	return activityArena;
}
export function activityBoundsPointer(): usize {
	return activityBounds;
}
export function lines(): i32 {
	return linesRead;
}
/** Where the last scan() stopped: after the last line it turned into a row or skipped. */
export function consumed(): usize {
	return consumedTo;
}
export function failedAt(): usize {
	return failOffset;
}
export function failReason(): i32 {
	return failCode;
}

/**
 * Scans the input buffer's lines from `from` up to `to`, each ending in a newline (the caller adds
 * one after a last line that has none). Returns the rows written, up to rowCapacity() (`consumed()`
 * says how far it got), or −1 when a line is not plain (`failedAt()`, `failReason()`).
 */
export function scan(from: usize, to: usize): i32 {
	const end = input + to;
	const vDelimiter = i8x16.splat(<i8>delimiter);
	const vNewline = i8x16.splat(<i8>LF);
	const vQuote = i8x16.splat(<i8>QUOTE);
	let rows: i32 = 0;
	let column: i32 = 0;
	let lineStart = input + from;
	let fieldStart = lineStart;
	let cs: usize = 0;
	let ce: usize = 0;
	let as: usize = 0;
	let ae: usize = 0;
	let ts: usize = 0;
	let te: usize = 0;
	consumedTo = from;
	// One pass over 16-byte blocks; each set bit is a delimiter, newline or quote, in file order.
	for (let block = lineStart; block < end; block += 16) {
		const v = v128.load(block);
		let delimiters = <u32>i8x16.bitmask(i8x16.eq(v, vDelimiter));
		let bits = delimiters | (<u32>i8x16.bitmask(i8x16.eq(v, vNewline)));
		bits |= <u32>i8x16.bitmask(i8x16.eq(v, vQuote));
		if (block + 16 > end) {
			const one: u32 = 1;
			const rest = <u32>(end - block);
			bits &= (one << rest) - 1;
			delimiters &= (one << rest) - 1;
		}
		// Past the last wanted column only the line's end (or a quote) matters.
		if (column > lastColumn) bits &= ~delimiters;
		while (bits) {
			const k = ctz(bits);
			bits &= bits - 1;
			const p = block + <usize>k;
			const byte = load<u8>(p);
			if (byte == QUOTE) return fail(lineStart, QUOTED);
			if (column == caseColumn) {
				cs = fieldStart;
				ce = p;
			} else if (column == activityColumn) {
				as = fieldStart;
				ae = p;
			} else if (column == timeColumn) {
				ts = fieldStart;
				te = p;
			}
			if (byte == LF) {
				rows = finishLine(lineStart, p, column, cs, ce, as, ae, ts, te, rows);
				if (rows < 0) return -1;
				lineStart = p + 1;
				consumedTo = lineStart - input;
				if (rows == ROW_CAPACITY) return rows;
				column = 0;
				cs = ce = as = ae = ts = te = 0;
				// The next line's delimiters in this block count again.
				const two: u32 = 2;
				bits |= delimiters & ~((two << (<u32>k)) - 1);
			} else if (++column > lastColumn) bits &= ~delimiters;
			fieldStart = p + 1;
		}
	}
	return rows;
}

function fail(lineStart: usize, code: i32): i32 {
	failOffset = lineStart - input;
	failCode = code;
	return -1;
}

/** Turns one line's fields into row `rows`: the new row count, or −1 when it is not plain. */
function finishLine(
	lineStart: usize,
	lineEnd: usize,
	lastSeen: i32,
	cs: usize,
	ce: usize,
	as: usize,
	ae: usize,
	ts: usize,
	te: usize,
	rows: i32
): i32 {
	if (lastSeen < lastColumn) {
		// A blank line (nothing, or a lone carriage return) is skipped, as the general reader does
		// when the case is the first column; otherwise that reader counts it as dropped.
		const blank = lineEnd == lineStart || (lineEnd == lineStart + 1 && load<u8>(lineStart) == CR);
		if (blank && caseColumn == 0) {
			linesRead++;
			return rows;
		}
		return fail(lineStart, FEW_FIELDS);
	}
	if (ce > cs && load<u8>(ce - 1) == CR) ce--;
	if (ae > as && load<u8>(ae - 1) == CR) ae--;
	if (te > ts && load<u8>(te - 1) == CR) te--;
	if (ce == cs || ae == as || te == ts) return fail(lineStart, EMPTY_FIELD);
	const time = parseTime(ts, te);
	if (isNaN(time)) return fail(lineStart, OTHER_TIME);
	const activity = activityId(as, ae - as);
	if (activity < 0) return fail(lineStart, MANY_ACTIVITIES);
	store<i32>(rowSlots + ((<usize>rows) << 2), caseSlot(cs, ce - cs));
	store<i32>(rowActivities + ((<usize>rows) << 2), activity);
	store<f64>(rowTimes + ((<usize>rows) << 3), time);
	linesRead++;
	return rows + 1;
}

function digits2(p: usize): i32 {
	const a = <i32>load<u8>(p) - 48;
	const b = <i32>load<u8>(p + 1) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function floorDiv(a: i32, b: i32): i32 {
	const q = a / b;
	return a % b != 0 && a < 0 != b < 0 ? q - 1 : q;
}

function daysFromCivil(year: i32, month: i32, day: i32): i32 {
	const y = month <= 2 ? year - 1 : year;
	const era = floorDiv(y, 400);
	const yoe = y - era * 400;
	const doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

let lastDate: i32 = -1;
let lastDateMs: f64 = 0;

function isDigit(p: usize): bool {
	return <u32>load<u8>(p) - 48 < 10;
}

/**
 * `YYYY-MM-DD HH:MM:SS`, with `T` (or `t`) or a space between date and time, `-` or `/` in the
 * date, an optional fraction of up to nine digits after `.` or `,`, and `Z`, an offset
 * (`+01:00`, `+0100`, `+01`) or nothing (when times without an offset are read as UTC). NaN for
 * anything else, which the general reader then reads. Mirrors parseTimestampBytes in
 * analysis/timestamps.ts for these forms: the whole milliseconds are exact integers, and the
 * fraction and the offset are added in the same order, so the doubles are equal.
 */
function parseTime(p: usize, end: usize): f64 {
	if (end - p < 19) return NaN;
	const dateSeparator = load<u8>(p + 4);
	if ((dateSeparator != 45 && dateSeparator != 47) || load<u8>(p + 7) != dateSeparator) return NaN;
	const separator = load<u8>(p + 10);
	if (separator != 84 && separator != 116 && separator != 32) return NaN;
	if (load<u8>(p + 13) != 58 || load<u8>(p + 16) != 58) return NaN;
	const century = digits2(p);
	const yy = digits2(p + 2);
	const month = digits2(p + 5);
	const day = digits2(p + 8);
	if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || day > 31) return NaN;
	const hour = digits2(p + 11);
	const minute = digits2(p + 14);
	const second = digits2(p + 17);
	if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || second < 0 || second > 60) return NaN;
	const date = ((century * 100 + yy) * 100 + month) * 100 + day;
	if (date != lastDate) {
		lastDateMs = <f64>daysFromCivil(century * 100 + yy, month, day) * 86400000;
		lastDate = date;
	}
	let ms = lastDateMs + <f64>(hour * 3600000 + minute * 60000 + second * 1000);
	let at = p + 19;
	if (at < end && (load<u8>(at) == 46 || load<u8>(at) == 44)) {
		at++;
		let fraction: f64 = 0;
		let scale: f64 = 1;
		// Up to nine digits the fraction is exact whichever way it is summed.
		for (; at < end && isDigit(at); at++) {
			if (scale == 1e9) return NaN;
			fraction = fraction * 10 + <f64>(<i32>load<u8>(at) - 48);
			scale *= 10;
		}
		if (scale == 1) return NaN;
		ms += (fraction * 1000) / scale;
	}
	if (at == end) return naiveIsUtc ? ms : NaN;
	const zone = load<u8>(at);
	if ((zone == 90 || zone == 122) && at + 1 == end) return ms;
	if (zone != 43 && zone != 45) return NaN;
	at++;
	if (at + 2 > end || !isDigit(at) || !isDigit(at + 1)) return NaN;
	const offsetHours = digits2(at);
	at += 2;
	let offsetMinutes = 0;
	if (at < end && load<u8>(at) == 58) at++;
	if (at < end) {
		if (at + 2 != end || !isDigit(at) || !isDigit(at + 1)) return NaN;
		offsetMinutes = digits2(at);
	}
	const offset = <f64>((offsetHours * 60 + offsetMinutes) * 60000);
	return zone == 43 ? ms - offset : ms + offset;
}

/**
 * The key's 8 bytes from `at` (0 or 8) as a word, zero past its end. Without branches: ids of
 * varying length would make them mispredict on nearly every row.
 */
function keyWord(p: usize, length: usize, at: usize): u64 {
	const rest = <i64>length - <i64>at;
	const partial = ((<u64>1) << ((<u64>rest) << 3)) - 1;
	const mask = select<u64>(0xffffffffffffffff, select<u64>(partial, 0, rest > 0), rest >= 8);
	return load<u64>(p + at) & mask;
}

/** A hash of the key whose first 16 bytes are w0, w1 (from keyWord). */
function hashKey(p: usize, length: usize, w0: u64, w1: u64): u32 {
	let h: u64 = 0x9e3779b97f4a7c15 ^ (<u64>length) ^ w0;
	h = (h ^ (h >> 31)) * 0xbf58476d1ce4e5b9;
	h = (h ^ w1) * 0x94d049bb133111eb;
	for (let i: usize = 16; i < length; i += 8) {
		h = (h ^ (h >> 29) ^ keyWord(p, length, i)) * 0xbf58476d1ce4e5b9;
	}
	h = (h ^ (h >> 32)) * 0xbf58476d1ce4e5b9;
	return <u32>(h >> 32);
}

/** The slot of the case id at [p, p + length), a new one when it is new. */
function caseSlot(p: usize, length: usize): i32 {
	return findCase(p, length, hashOf(p, length));
}

// Every case as (hash << 32 | slot), sorted by hash: built by the first join, kept by later ones.
let sorted: usize = 0;
let sortedCount: i32 = 0;

function hashOf(p: usize, length: usize): u32 {
	return hashKey(p, length, keyWord(p, length, 0), keyWord(p, length, 8));
}

function caseStart(bounds: usize, c: i32): usize {
	return <usize>load<i32>(bounds + ((<usize>c) << 2));
}

function caseLength(bounds: usize, c: i32): usize {
	return <usize>(
		(load<i32>(bounds + ((<usize>(c + 1)) << 2)) - load<i32>(bounds + ((<usize>c) << 2)))
	);
}

/** Sorts n (hash << 32 | index) words by hash, stably: four byte-wide passes, `scratch` as room. */
function sortByHash(data: usize, scratch: usize, n: i32): void {
	const counts = heap.alloc(256 * 4);
	let from = data;
	let to = scratch;
	for (let shift: u64 = 32; shift < 64; shift += 8) {
		memory.fill(counts, 0, 256 * 4);
		for (let i = 0; i < n; i++) {
			const bucket =
				counts + ((<usize>((load<u64>(from + ((<usize>i) << 3)) >> shift) & 255)) << 2);
			store<i32>(bucket, load<i32>(bucket) + 1);
		}
		let sum = 0;
		for (let b = 0; b < 256; b++) {
			const count = load<i32>(counts + ((<usize>b) << 2));
			store<i32>(counts + ((<usize>b) << 2), sum);
			sum += count;
		}
		for (let i = 0; i < n; i++) {
			const word = load<u64>(from + ((<usize>i) << 3));
			const bucket = counts + ((<usize>((word >> shift) & 255)) << 2);
			const at = load<i32>(bucket);
			store<i32>(bucket, at + 1);
			store<u64>(to + ((<usize>at) << 3), word);
		}
		const swap = from;
		from = to;
		to = swap;
	}
	heap.free(counts);
}

/** `count` ids at `arena` as (hash << 32 | index), sorted by hash. */
function hashesOf(arena: usize, bounds: usize, count: i32): usize {
	const list = heap.alloc((<usize>max(count, 1)) << 3);
	for (let c = 0; c < count; c++) {
		const hash = hashOf(arena + caseStart(bounds, c), caseLength(bounds, c));
		store<u64>(list + ((<usize>c) << 3), ((<u64>hash) << 32) | (<u64>c));
	}
	const scratch = heap.alloc((<usize>max(count, 1)) << 3);
	sortByHash(list, scratch, count);
	heap.free(scratch);
	return list;
}

/** The slot among `sorted` from `i` on with this hash and these bytes, or −1. */
function knownSlot(i: i32, hash: u64, p: usize, length: usize): i32 {
	for (let k = i; k < sortedCount; k++) {
		const known = load<u64>(sorted + ((<usize>k) << 3));
		if (known >> 32 != hash) return -1;
		const slot = <i32>(known & 0xffffffff);
		if (
			caseLength(caseBounds, slot) == length &&
			memory.compare(caseArena + caseStart(caseBounds, slot), p, length) == 0
		)
			return slot;
	}
	return -1;
}

/**
 * The slots of `count` case ids at `arena` (case c is [bounds[c], bounds[c + 1])), written to
 * `out`: how the cases of a part read on another thread join this reader's (csv-parts.ts). A case
 * seen before keeps its slot; new ones get new slots in order. It walks two lists sorted by hash
 * rather than probing the table: a million random probes into a table of a hundred megabytes
 * cost more than the whole walk. Reading is over once this is called: the table no longer knows
 * every case.
 */
export function joinCases(arena: usize, bounds: usize, count: i32, out: usize): void {
	if (!sorted) {
		sorted = hashesOf(caseArena, caseBounds, cases);
		sortedCount = cases;
	}
	const part = hashesOf(arena, bounds, count);
	let i = 0;
	for (let j = 0; j < count; j++) {
		const word = load<u64>(part + ((<usize>j) << 3));
		const hash = word >> 32;
		const c = <i32>(word & 0xffffffff);
		while (i < sortedCount && load<u64>(sorted + ((<usize>i) << 3)) >> 32 < hash) i++;
		// Only an equal hash needs the id's bytes, which lie at random in the part's arena.
		let slot = -1;
		if (i < sortedCount && load<u64>(sorted + ((<usize>i) << 3)) >> 32 == hash) {
			slot = knownSlot(i, hash, arena + caseStart(bounds, c), caseLength(bounds, c));
		}
		store<i32>(out + ((<usize>c) << 2), slot);
	}
	// New cases get slots in the part's order, and their ids join the arena.
	const firstNew = cases;
	for (let c = 0; c < count; c++) {
		if (load<i32>(out + ((<usize>c) << 2)) >= 0) continue;
		const slot = appendCase(arena + caseStart(bounds, c), caseLength(bounds, c));
		store<i32>(out + ((<usize>c) << 2), slot);
	}
	// The sorted list takes in the new cases: a merge of two lists sorted by hash.
	const merged = heap.alloc((<usize>max(cases, 1)) << 3);
	let a = 0;
	let m = 0;
	for (let j = 0; j < count; j++) {
		const word = load<u64>(part + ((<usize>j) << 3));
		const slot = load<i32>(out + ((<usize>(word & 0xffffffff)) << 2));
		if (slot < firstNew) continue;
		for (; a < sortedCount && load<u64>(sorted + ((<usize>a) << 3)) >> 32 <= word >> 32; a++, m++) {
			store<u64>(merged + ((<usize>m) << 3), load<u64>(sorted + ((<usize>a) << 3)));
		}
		store<u64>(merged + ((<usize>m) << 3), (word & 0xffffffff00000000) | (<u64>slot));
		m++;
	}
	for (; a < sortedCount; a++, m++) {
		store<u64>(merged + ((<usize>m) << 3), load<u64>(sorted + ((<usize>a) << 3)));
	}
	heap.free(sorted);
	heap.free(part);
	sorted = merged;
	sortedCount = m;
}

/** Whether bytes [a, a + length) equal [b, b + length). */
function sameBytes(a: usize, b: usize, length: usize): bool {
	if (length > 16) return memory.compare(a, b, length) == 0;
	// Two masked words each, without a loop or branch on the length.
	return (
		((keyWord(a, length, 0) ^ keyWord(b, length, 0)) |
			(keyWord(a, length, 8) ^ keyWord(b, length, 8))) ==
		0
	);
}

/**
 * The case's slot, a new one when the id is new. Entries are (hash << 32 | slot + 1) words, 8
 * bytes each: the table is the one structure every case touches at random, so it is kept small,
 * and the id's bytes are compared in the arena, where recent cases sit together.
 */
function findCase(p: usize, length: usize, hash: u32): i32 {
	let s = hash & tableMask;
	for (;;) {
		const entry = load<u64>(table + ((<usize>s) << 3));
		if (entry == 0) break;
		if (<u32>(entry >> 32) == hash) {
			const slot = <i32>(entry & 0xffffffff) - 1;
			if (
				caseLength(caseBounds, slot) == length &&
				sameBytes(caseArena + caseStart(caseBounds, slot), p, length)
			)
				return slot;
		}
		s = (s + 1) & tableMask;
	}
	if (<u32>(cases + 1) * 2 > tableMask + 1) {
		growTable();
		return findCase(p, length, hash);
	}
	store<u64>(table + ((<usize>s) << 3), ((<u64>hash) << 32) | (<u64>(cases + 1)));
	return appendCase(p, length);
}

/** Gives the id at [p, p + length) the next slot and keeps its bytes. */
function appendCase(p: usize, length: usize): i32 {
	const slot = cases;
	if (caseArenaUsed + length > caseArenaCapacity) {
		caseArenaCapacity = max(caseArenaCapacity * 2, caseArenaUsed + length);
		// 16 bytes of room past the end: sameBytes reads whole words.
		caseArena = heap.realloc(caseArena, caseArenaCapacity + 16);
	}
	memory.copy(caseArena + caseArenaUsed, p, length);
	caseArenaUsed += length;
	if (slot + 2 > caseBoundsCapacity) {
		caseBoundsCapacity *= 2;
		caseBounds = heap.realloc(caseBounds, <usize>caseBoundsCapacity * 4);
	}
	store<i32>(caseBounds + ((<usize>(slot + 1)) << 2), <i32>caseArenaUsed);
	cases = slot + 1;
	return slot;
}

function growTable(): void {
	const old = table;
	const oldSize = tableMask + 1;
	tableMask = oldSize * 2 - 1;
	table = heap.alloc((<usize>(tableMask + 1)) << 3);
	memory.fill(table, 0, (<usize>(tableMask + 1)) << 3);
	for (let s: u32 = 0; s < oldSize; s++) {
		const entry = load<u64>(old + ((<usize>s) << 3));
		if (entry == 0) continue;
		let t = (<u32>(entry >> 32)) & tableMask;
		while (load<u64>(table + ((<usize>t) << 3)) != 0) t = (t + 1) & tableMask;
		store<u64>(table + ((<usize>t) << 3), entry);
	}
	heap.free(old);
}

function activityId(p: usize, length: usize): i32 {
	const hash = hashKey(p, length, keyWord(p, length, 0), keyWord(p, length, 8));
	let s = hash & (ACTIVITY_TABLE - 1);
	for (;;) {
		const entry = activityTable + ((<usize>s) << 4);
		const value = load<i32>(entry, 4);
		if (value == 0) break;
		if (
			load<u32>(entry) == hash &&
			load<u32>(entry, 8) == <u32>length &&
			sameBytes(
				activityArena + <usize>load<i32>(activityBounds + ((<usize>(value - 1)) << 2)),
				p,
				length
			)
		)
			return value - 1;
		s = (s + 1) & (ACTIVITY_TABLE - 1);
	}
	// More distinct activities than the table can hold at half load is not a journey log.
	if (<u32>activities * 2 >= ACTIVITY_TABLE) return -1;
	const id = activities;
	const entry = activityTable + ((<usize>s) << 4);
	store<u32>(entry, hash);
	store<i32>(entry, id + 1, 4);
	store<u32>(entry, <u32>length, 8);
	if (activityArenaUsed + length > activityArenaCapacity) {
		activityArenaCapacity = max(activityArenaCapacity * 2, activityArenaUsed + length);
		activityArena = heap.realloc(activityArena, activityArenaCapacity + 16);
	}
	memory.copy(activityArena + activityArenaUsed, p, length);
	activityArenaUsed += length;
	store<i32>(activityBounds + ((<usize>(id + 1)) << 2), <i32>activityArenaUsed);
	activities = id + 1;
	return id;
}
