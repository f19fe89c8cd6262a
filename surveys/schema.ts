// The survey definition contract shared by the web app, the CLI and the PocketBase hooks.
// Pure TypeScript: no Node APIs and no packages, because the server bundles it for goja.

export const DISTRICTS = [
	'Antwerpen',
	'Berchem',
	'Berendrecht-Zandvliet-Lillo',
	'Borgerhout',
	'Deurne',
	'Ekeren',
	'Hoboken',
	'Merksem',
	'Wilrijk'
] as const;
export type District = (typeof DISTRICTS)[number];

export const QUESTION_TYPES = [
	'single_choice',
	'multiple_choice',
	'scale',
	'yes_no',
	'ranking',
	'short_text',
	'long_text',
	'location',
	'info'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Text in several languages; `nl` is always there and is the fallback. */
export type LocalizedText = { nl: string; [lang: string]: string };

export interface Point {
	lat: number;
	lng: number;
}

/** A rectangle in WGS84 degrees. */
export interface Bounds {
	south: number;
	west: number;
	north: number;
	east: number;
}

export interface ChoiceOption {
	id: string;
	label: LocalizedText;
}

/**
 * Show a question only when an earlier answer matches. Every comparison is false while the
 * referenced question has no (visible) answer; test that with `answered`, invert with `not`.
 */
export type Condition =
	| { question: string; equals: string | number | boolean }
	| { question: string; in: Array<string | number> }
	| { question: string; includes: string }
	| { question: string; atLeast: number }
	| { question: string; atMost: number }
	| { question: string; answered: boolean }
	| { all: Condition[] }
	| { any: Condition[] }
	| { not: Condition };

interface QuestionBase {
	id: string;
	label: LocalizedText;
	help?: LocalizedText;
	/** Defaults to false. A hidden question is never required, whatever this says. */
	required: boolean;
	showIf?: Condition;
}

export interface SingleChoiceQuestion extends QuestionBase {
	type: 'single_choice';
	options: ChoiceOption[];
}
export interface MultipleChoiceQuestion extends QuestionBase {
	type: 'multiple_choice';
	options: ChoiceOption[];
	minSelected?: number;
	maxSelected?: number;
}
export interface ScaleQuestion extends QuestionBase {
	type: 'scale';
	min: number;
	max: number;
	minLabel: LocalizedText;
	maxLabel: LocalizedText;
}
export interface YesNoQuestion extends QuestionBase {
	type: 'yes_no';
}
export interface RankingQuestion extends QuestionBase {
	type: 'ranking';
	options: ChoiceOption[];
}
export interface ShortTextQuestion extends QuestionBase {
	type: 'short_text';
	/** Characters (code points); defaults to SHORT_TEXT_DEFAULT_MAX. */
	maxLength: number;
}
export interface LongTextQuestion extends QuestionBase {
	type: 'long_text';
	maxLength: number;
}
export interface LocationQuestion extends QuestionBase {
	type: 'location';
	/** An answer outside this box is refused (e.g. the district or the city). */
	bounds?: Bounds;
	/** Where the map opens; the web app picks a default when absent. */
	center?: Point;
	zoom?: number;
}
/** A block of text between questions; it takes no answer. */
export interface InfoBlock extends QuestionBase {
	type: 'info';
	body?: LocalizedText;
	required: false;
}

export type Question =
	| SingleChoiceQuestion
	| MultipleChoiceQuestion
	| ScaleQuestion
	| YesNoQuestion
	| RankingQuestion
	| ShortTextQuestion
	| LongTextQuestion
	| LocationQuestion
	| InfoBlock;

export type AnswerableQuestion = Exclude<Question, InfoBlock>;

export interface SurveyDefinition {
	slug: string;
	title: LocalizedText;
	intro: LocalizedText;
	estimatedMinutes: number;
	/** Absent for a city-wide survey. */
	district?: District;
	/** ISO 8601 date or date-time. */
	opens: string;
	closes: string;
	resultsPublic: boolean;
	/** Shown on the thank-you page: what the city does with the answers. */
	whatNext: LocalizedText;
	/** ISO date when the results appear. */
	resultsAt: string;
	questions: Question[];
}

export const SHORT_TEXT_DEFAULT_MAX = 200;
export const TEXT_MAX_LIMIT = 10000;
export const SCALE_MAX_STEPS = 11;

export type PathSegment = string | number;
export type Path = PathSegment[];

export const SCHEMA_ERROR_CODES = [
	'required',
	'wrong_type',
	'unknown_field',
	'invalid_value',
	'invalid_format',
	'missing_nl',
	'empty_text',
	'duplicate_id',
	'too_few',
	'out_of_range',
	'unknown_question',
	'forward_reference',
	'unknown_choice',
	'incompatible_condition'
] as const;
export type SchemaErrorCode = (typeof SCHEMA_ERROR_CODES)[number];

export interface SchemaError {
	path: Path;
	code: SchemaErrorCode;
	message: string;
}

export type ParseResult =
	{ ok: true; value: SurveyDefinition } | { ok: false; errors: SchemaError[] };

/** `questions[2].options[0].label.nl`: how paths are shown to people. */
export function formatPath(path: Path): string {
	let out = '';
	for (const segment of path) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else out += out === '' ? segment : `.${segment}`;
	}
	return out === '' ? '(root)' : out;
}

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_RE = /^[a-z][a-z0-9_]*$/;
const LANG_RE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const DATE_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
	if (value === null || value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'a map' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Milliseconds since the epoch for a valid ISO date, or null; rejects 2027-02-30. */
export function parseIsoDate(value: string): number | null {
	const m = DATE_RE.exec(value);
	if (!m) return null;
	const year = Number(m[1]);
	const month = Number(m[2]);
	const day = Number(m[3]);
	const probe = new Date(Date.UTC(year, month - 1, day));
	if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1) return null;
	if (probe.getUTCDate() !== day) return null;
	if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) {
		return null;
	}
	// A bare date means the start of that day in UTC; good enough to order opens/closes.
	const ms = Date.parse(m[4] === undefined ? `${value}T00:00:00Z` : value);
	return Number.isNaN(ms) ? null : ms;
}

class Checker {
	errors: SchemaError[] = [];

	add(path: Path, code: SchemaErrorCode, message: string): void {
		this.errors.push({ path, code, message });
	}

	/** Reports keys outside `allowed`: a typo like `showif` must not be silently ignored. */
	object(value: unknown, path: Path, allowed: readonly string[]): Obj | null {
		if (!isObject(value)) {
			this.add(path, 'wrong_type', `Expected a map, found ${describe(value)}.`);
			return null;
		}
		for (const key of Object.keys(value)) {
			if (!allowed.includes(key)) {
				const near = allowed.find((a) => a.toLowerCase() === key.toLowerCase());
				const hint = near ? ` Did you mean "${near}"?` : ` Allowed here: ${allowed.join(', ')}.`;
				this.add([...path, key], 'unknown_field', `Unknown field "${key}".${hint}`);
			}
		}
		return value;
	}

	present(obj: Obj, key: string, path: Path): boolean {
		if (obj[key] === undefined || obj[key] === null) {
			this.add([...path, key], 'required', `Field "${key}" is required.`);
			return false;
		}
		return true;
	}

	string(obj: Obj, key: string, path: Path, required: boolean): string | undefined {
		const value = obj[key];
		if (value === undefined || value === null) {
			if (required) this.add([...path, key], 'required', `Field "${key}" is required.`);
			return undefined;
		}
		if (typeof value !== 'string') {
			this.add([...path, key], 'wrong_type', `Expected text, found ${describe(value)}.`);
			return undefined;
		}
		return value;
	}

	boolean(obj: Obj, key: string, path: Path, required: boolean): boolean | undefined {
		const value = obj[key];
		if (value === undefined || value === null) {
			if (required) this.add([...path, key], 'required', `Field "${key}" is required.`);
			return undefined;
		}
		if (typeof value !== 'boolean') {
			this.add([...path, key], 'wrong_type', `Expected true or false, found ${describe(value)}.`);
			return undefined;
		}
		return value;
	}

	integer(
		obj: Obj,
		key: string,
		path: Path,
		required: boolean,
		min: number,
		max: number
	): number | undefined {
		const value = obj[key];
		if (value === undefined || value === null) {
			if (required) this.add([...path, key], 'required', `Field "${key}" is required.`);
			return undefined;
		}
		if (typeof value !== 'number' || !Number.isInteger(value)) {
			this.add([...path, key], 'wrong_type', `Expected a whole number, found ${describe(value)}.`);
			return undefined;
		}
		if (value < min || value > max) {
			this.add([...path, key], 'out_of_range', `Expected a number from ${min} to ${max}.`);
			return undefined;
		}
		return value;
	}

	number(obj: Obj, key: string, path: Path, min: number, max: number): number | undefined {
		const value = obj[key];
		if (value === undefined || value === null) {
			this.add([...path, key], 'required', `Field "${key}" is required.`);
			return undefined;
		}
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			this.add([...path, key], 'wrong_type', `Expected a number, found ${describe(value)}.`);
			return undefined;
		}
		if (value < min || value > max) {
			this.add([...path, key], 'out_of_range', `Expected a number from ${min} to ${max}.`);
			return undefined;
		}
		return value;
	}

	localized(obj: Obj, key: string, path: Path, required: boolean): LocalizedText | undefined {
		const value = obj[key];
		const here = [...path, key];
		if (value === undefined || value === null) {
			if (required) this.add(here, 'required', `Field "${key}" is required (at least "nl").`);
			return undefined;
		}
		if (!isObject(value)) {
			this.add(
				here,
				'wrong_type',
				`Expected texts per language (nl: …, en: …), found ${describe(value)}.`
			);
			return undefined;
		}
		let ok = true;
		for (const [lang, text] of Object.entries(value)) {
			if (!LANG_RE.test(lang)) {
				this.add(
					[...here, lang],
					'invalid_format',
					`"${lang}" is not a language code like nl or fr.`
				);
				ok = false;
			} else if (typeof text !== 'string') {
				this.add([...here, lang], 'wrong_type', `Expected text, found ${describe(text)}.`);
				ok = false;
			} else if (text.trim() === '') {
				this.add([...here, lang], 'empty_text', 'Text is empty; leave the language out instead.');
				ok = false;
			}
		}
		if (value.nl === undefined) {
			this.add(here, 'missing_nl', 'Dutch text ("nl") is required: it is the fallback.');
			ok = false;
		}
		return ok ? (value as LocalizedText) : undefined;
	}

	date(obj: Obj, key: string, path: Path): string | undefined {
		const value = this.string(obj, key, path, true);
		if (value === undefined) return undefined;
		if (parseIsoDate(value) === null) {
			this.add([...path, key], 'invalid_format', `"${value}" is not an ISO date like 2026-11-01.`);
			return undefined;
		}
		return value;
	}

	id(obj: Obj, key: string, path: Path): string | undefined {
		const value = this.string(obj, key, path, true);
		if (value === undefined) return undefined;
		if (!ID_RE.test(value) || value.length > 64) {
			this.add(
				[...path, key],
				'invalid_format',
				`"${value}" is not a valid id: use lowercase letters, digits and _, starting with a letter.`
			);
			return undefined;
		}
		return value;
	}
}

const SURVEY_KEYS = [
	'slug',
	'title',
	'intro',
	'estimatedMinutes',
	'district',
	'opens',
	'closes',
	'resultsPublic',
	'whatNext',
	'resultsAt',
	'questions'
] as const;

const BASE_KEYS = ['id', 'type', 'label', 'help', 'required', 'showIf'] as const;
const TYPE_KEYS: Record<QuestionType, readonly string[]> = {
	single_choice: ['options'],
	multiple_choice: ['options', 'minSelected', 'maxSelected'],
	scale: ['min', 'max', 'minLabel', 'maxLabel'],
	yes_no: [],
	ranking: ['options'],
	short_text: ['maxLength'],
	long_text: ['maxLength'],
	location: ['bounds', 'center', 'zoom'],
	info: ['body']
};

function checkOptions(
	c: Checker,
	q: Obj,
	path: Path,
	minCount: number
): ChoiceOption[] | undefined {
	if (!c.present(q, 'options', path)) return undefined;
	const raw = q.options;
	const here = [...path, 'options'];
	if (!Array.isArray(raw)) {
		c.add(here, 'wrong_type', `Expected a list of options, found ${describe(raw)}.`);
		return undefined;
	}
	if (raw.length < minCount) {
		c.add(here, 'too_few', `Give at least ${minCount} options.`);
	}
	const seen = new Set<string>();
	const options: ChoiceOption[] = [];
	let ok = raw.length >= minCount;
	raw.forEach((item, i) => {
		const o = c.object(item, [...here, i], ['id', 'label']);
		if (!o) return void (ok = false);
		const id = c.id(o, 'id', [...here, i]);
		const label = c.localized(o, 'label', [...here, i], true);
		if (id !== undefined && seen.has(id)) {
			c.add([...here, i, 'id'], 'duplicate_id', `Option id "${id}" is used twice.`);
			ok = false;
		}
		if (id !== undefined) seen.add(id);
		if (id === undefined || label === undefined) ok = false;
		else options.push({ id, label });
	});
	return ok ? options : undefined;
}

function checkPoint(c: Checker, value: unknown, path: Path): Point | undefined {
	const o = c.object(value, path, ['lat', 'lng']);
	if (!o) return undefined;
	const lat = c.number(o, 'lat', path, -90, 90);
	const lng = c.number(o, 'lng', path, -180, 180);
	return lat === undefined || lng === undefined ? undefined : { lat, lng };
}

function checkBounds(c: Checker, value: unknown, path: Path): Bounds | undefined {
	const o = c.object(value, path, ['south', 'west', 'north', 'east']);
	if (!o) return undefined;
	const south = c.number(o, 'south', path, -90, 90);
	const north = c.number(o, 'north', path, -90, 90);
	const west = c.number(o, 'west', path, -180, 180);
	const east = c.number(o, 'east', path, -180, 180);
	if (south === undefined || north === undefined || west === undefined || east === undefined) {
		return undefined;
	}
	if (south >= north || west >= east) {
		c.add(path, 'invalid_value', 'South must be below north and west must be left of east.');
		return undefined;
	}
	return { south, west, north, east };
}

const CONDITION_OPS = ['equals', 'in', 'includes', 'atLeast', 'atMost', 'answered'] as const;
type ConditionOp = (typeof CONDITION_OPS)[number];

/** Which operators make sense for which question type. */
const OPS_BY_TYPE: Record<Exclude<QuestionType, 'info'>, readonly ConditionOp[]> = {
	single_choice: ['equals', 'in', 'answered'],
	multiple_choice: ['includes', 'answered'],
	scale: ['equals', 'in', 'atLeast', 'atMost', 'answered'],
	yes_no: ['equals', 'answered'],
	ranking: ['answered'],
	short_text: ['answered'],
	long_text: ['answered'],
	location: ['answered']
};

function checkCondition(
	c: Checker,
	value: unknown,
	path: Path,
	earlier: Map<string, Question>,
	all: Set<string>,
	selfId: string | undefined,
	broken: Set<string>
): Condition | undefined {
	if (!isObject(value)) {
		c.add(path, 'wrong_type', `Expected a condition map, found ${describe(value)}.`);
		return undefined;
	}
	for (const combinator of ['all', 'any'] as const) {
		if (combinator in value) {
			const o = c.object(value, path, [combinator]);
			const list = o?.[combinator];
			if (!Array.isArray(list) || list.length === 0) {
				c.add([...path, combinator], 'wrong_type', 'Expected a non-empty list of conditions.');
				return undefined;
			}
			const parts = list.map((item, i) =>
				checkCondition(c, item, [...path, combinator, i], earlier, all, selfId, broken)
			);
			if (!o || parts.some((p) => p === undefined)) return undefined;
			return combinator === 'all' ? { all: parts as Condition[] } : { any: parts as Condition[] };
		}
	}
	if ('not' in value) {
		const o = c.object(value, path, ['not']);
		const inner = checkCondition(c, value.not, [...path, 'not'], earlier, all, selfId, broken);
		return o && inner ? { not: inner } : undefined;
	}

	const o = c.object(value, path, ['question', ...CONDITION_OPS]);
	if (!o) return undefined;
	const ref = c.string(o, 'question', path, true);
	const ops = CONDITION_OPS.filter((op) => o[op] !== undefined);
	if (ops.length !== 1) {
		c.add(
			path,
			'invalid_value',
			`A condition needs exactly one of ${CONDITION_OPS.join(', ')} (or all/any/not).`
		);
		return undefined;
	}
	const op = ops[0];
	if (ref === undefined) return undefined;
	// The referenced question already has its own error; a second one here would mislead.
	if (broken.has(ref)) return undefined;
	const target = earlier.get(ref);
	if (!target) {
		if (ref === selfId || all.has(ref)) {
			c.add(
				[...path, 'question'],
				'forward_reference',
				`"${ref}" does not come before this question; a condition can only use earlier answers.`
			);
		} else {
			c.add([...path, 'question'], 'unknown_question', `There is no question "${ref}".`);
		}
		return undefined;
	}
	if (target.type === 'info') {
		c.add(
			[...path, 'question'],
			'incompatible_condition',
			`"${ref}" is an info block: it has no answer.`
		);
		return undefined;
	}
	if (!OPS_BY_TYPE[target.type].includes(op)) {
		c.add(
			[...path, op],
			'incompatible_condition',
			`"${op}" cannot be used on a ${target.type} question; use ${OPS_BY_TYPE[target.type].join(', ')}.`
		);
		return undefined;
	}

	const operand = o[op];
	const optionIds =
		'options' in target && Array.isArray(target.options) ? target.options.map((x) => x.id) : [];
	const checkValue = (v: unknown, at: Path): boolean => {
		if (target.type === 'yes_no') {
			if (typeof v !== 'boolean') {
				c.add(at, 'wrong_type', 'A yes/no answer is true or false (not "yes" or "ja").');
				return false;
			}
			return true;
		}
		if (target.type === 'scale') {
			if (typeof v !== 'number' || !Number.isInteger(v)) {
				c.add(at, 'wrong_type', `Expected a whole number, found ${describe(v)}.`);
				return false;
			}
			if (v < target.min || v > target.max) {
				c.add(
					at,
					'out_of_range',
					`The scale of "${ref}" goes from ${target.min} to ${target.max}.`
				);
				return false;
			}
			return true;
		}
		if (typeof v !== 'string') {
			c.add(at, 'wrong_type', `Expected an option id, found ${describe(v)}.`);
			return false;
		}
		if (!optionIds.includes(v)) {
			c.add(at, 'unknown_choice', `"${ref}" has no option "${v}".`);
			return false;
		}
		return true;
	};

	const at = [...path, op];
	switch (op) {
		case 'answered':
			if (typeof operand !== 'boolean') {
				c.add(at, 'wrong_type', 'Expected true or false.');
				return undefined;
			}
			return { question: ref, answered: operand };
		case 'in': {
			if (!Array.isArray(operand) || operand.length === 0) {
				c.add(at, 'wrong_type', 'Expected a non-empty list of values.');
				return undefined;
			}
			const good = operand.map((v, i) => checkValue(v, [...at, i])).every(Boolean);
			return good ? { question: ref, in: operand as Array<string | number> } : undefined;
		}
		case 'atLeast':
		case 'atMost':
			if (!checkValue(operand, at)) return undefined;
			return op === 'atLeast'
				? { question: ref, atLeast: operand as number }
				: { question: ref, atMost: operand as number };
		case 'includes':
			if (!checkValue(operand, at)) return undefined;
			return { question: ref, includes: operand as string };
		case 'equals':
			if (!checkValue(operand, at)) return undefined;
			return { question: ref, equals: operand as string | number | boolean };
	}
}

function checkQuestion(
	c: Checker,
	raw: unknown,
	path: Path,
	earlier: Map<string, Question>,
	allIds: Set<string>,
	broken: Set<string>
): Question | undefined {
	if (!isObject(raw)) {
		c.add(path, 'wrong_type', `Expected a question map, found ${describe(raw)}.`);
		return undefined;
	}
	const type = raw.type;
	if (typeof type !== 'string' || !(QUESTION_TYPES as readonly string[]).includes(type)) {
		if (type === undefined || type === null)
			c.add([...path, 'type'], 'required', 'Field "type" is required.');
		else {
			c.add(
				[...path, 'type'],
				'invalid_value',
				`Unknown question type ${describe(type)}; use one of ${QUESTION_TYPES.join(', ')}.`
			);
		}
		return undefined;
	}
	const qType = type as QuestionType;
	const q = c.object(raw, path, [...BASE_KEYS, ...TYPE_KEYS[qType]]);
	if (!q) return undefined;
	const before = c.errors.length;

	const id = c.id(q, 'id', path);
	const label = c.localized(q, 'label', path, true);
	const help = c.localized(q, 'help', path, false);
	const required = c.boolean(q, 'required', path, false) ?? false;
	if (qType === 'info' && required) {
		c.add(
			[...path, 'required'],
			'invalid_value',
			'An info block takes no answer, so it cannot be required.'
		);
	}
	const showIf =
		q.showIf === undefined || q.showIf === null
			? undefined
			: checkCondition(c, q.showIf, [...path, 'showIf'], earlier, allIds, id, broken);

	const base = { id: id ?? '', label: label as LocalizedText, required };
	const extra: Obj = {};
	if (help) extra.help = help;
	if (showIf) extra.showIf = showIf;

	let question: Question | undefined;
	switch (qType) {
		case 'single_choice':
		case 'ranking': {
			const options = checkOptions(c, q, path, 2);
			if (options) question = { ...base, type: qType, options };
			break;
		}
		case 'multiple_choice': {
			const options = checkOptions(c, q, path, 2);
			const count = options ? options.length : 1000;
			const minSelected = c.integer(q, 'minSelected', path, false, 0, count);
			const maxSelected = c.integer(q, 'maxSelected', path, false, 1, count);
			if (minSelected !== undefined && maxSelected !== undefined && minSelected > maxSelected) {
				c.add([...path, 'minSelected'], 'out_of_range', 'minSelected is larger than maxSelected.');
			}
			if (options) {
				question = { ...base, type: qType, options };
				if (minSelected !== undefined) question.minSelected = minSelected;
				if (maxSelected !== undefined) question.maxSelected = maxSelected;
			}
			break;
		}
		case 'scale': {
			const min = c.integer(q, 'min', path, true, -100, 100);
			const max = c.integer(q, 'max', path, true, -100, 100);
			const minLabel = c.localized(q, 'minLabel', path, true);
			const maxLabel = c.localized(q, 'maxLabel', path, true);
			if (min !== undefined && max !== undefined) {
				if (max <= min) c.add([...path, 'max'], 'out_of_range', 'max must be larger than min.');
				else if (max - min + 1 > SCALE_MAX_STEPS) {
					c.add([...path, 'max'], 'out_of_range', `A scale has at most ${SCALE_MAX_STEPS} steps.`);
				}
			}
			if (min !== undefined && max !== undefined && minLabel && maxLabel) {
				question = { ...base, type: qType, min, max, minLabel, maxLabel };
			}
			break;
		}
		case 'yes_no':
			question = { ...base, type: qType };
			break;
		case 'short_text': {
			const maxLength = c.integer(q, 'maxLength', path, false, 1, TEXT_MAX_LIMIT);
			question = { ...base, type: qType, maxLength: maxLength ?? SHORT_TEXT_DEFAULT_MAX };
			break;
		}
		case 'long_text': {
			// A long text always shows its limit to the resident, so the author must choose one.
			const maxLength = c.integer(q, 'maxLength', path, true, 1, TEXT_MAX_LIMIT);
			if (maxLength !== undefined) question = { ...base, type: qType, maxLength };
			break;
		}
		case 'location': {
			const loc: LocationQuestion = { ...base, type: qType };
			if (q.bounds !== undefined) {
				const bounds = checkBounds(c, q.bounds, [...path, 'bounds']);
				if (bounds) loc.bounds = bounds;
			}
			if (q.center !== undefined) {
				const center = checkPoint(c, q.center, [...path, 'center']);
				if (center) loc.center = center;
				if (center && loc.bounds && !pointInBounds(center, loc.bounds)) {
					c.add([...path, 'center'], 'out_of_range', 'The map centre lies outside the bounds.');
				}
			}
			const zoom = c.integer(q, 'zoom', path, false, 1, 20);
			if (zoom !== undefined) loc.zoom = zoom;
			question = loc;
			break;
		}
		case 'info': {
			const body = c.localized(q, 'body', path, false);
			const info: InfoBlock = { ...base, type: qType, required: false };
			if (body) info.body = body;
			question = info;
			break;
		}
	}
	if (c.errors.length > before || !question) return undefined;
	return { ...question, ...extra } as Question;
}

export function pointInBounds(p: Point, b: Bounds): boolean {
	return p.lat >= b.south && p.lat <= b.north && p.lng >= b.west && p.lng <= b.east;
}

/**
 * Checks an unknown value (parsed YAML, or JSON from the database) against the survey schema.
 * Reports every problem, not just the first, so an author can fix a file in one go.
 * The returned value has defaults filled in and parses again to itself.
 */
export function parseSurveyDefinition(input: unknown): ParseResult {
	const c = new Checker();
	const root = c.object(input, [], SURVEY_KEYS);
	if (!root) return { ok: false, errors: c.errors };

	const slug = c.string(root, 'slug', [], true);
	if (slug !== undefined && (!SLUG_RE.test(slug) || slug.length > 80)) {
		c.add(
			['slug'],
			'invalid_format',
			`"${slug}" is not a valid slug: use lowercase words joined by -.`
		);
	}
	const title = c.localized(root, 'title', [], true);
	const intro = c.localized(root, 'intro', [], true);
	const estimatedMinutes = c.integer(root, 'estimatedMinutes', [], true, 1, 120);
	const district = c.string(root, 'district', [], false);
	if (district !== undefined && !(DISTRICTS as readonly string[]).includes(district)) {
		c.add(
			['district'],
			'invalid_value',
			`"${district}" is not an Antwerp district; use one of ${DISTRICTS.join(', ')}, or leave it out for the whole city.`
		);
	}
	const opens = c.date(root, 'opens', []);
	const closes = c.date(root, 'closes', []);
	if (opens && closes && (parseIsoDate(closes) as number) <= (parseIsoDate(opens) as number)) {
		c.add(['closes'], 'out_of_range', 'The survey must close after it opens.');
	}
	const resultsPublic = c.boolean(root, 'resultsPublic', [], true);
	const whatNext = c.localized(root, 'whatNext', [], true);
	const resultsAt = c.date(root, 'resultsAt', []);
	if (
		closes &&
		resultsAt &&
		(parseIsoDate(resultsAt) as number) < (parseIsoDate(closes) as number)
	) {
		c.add(['resultsAt'], 'out_of_range', 'Results cannot appear before the survey closes.');
	}

	const questions: Question[] = [];
	if (c.present(root, 'questions', [])) {
		const raw = root.questions;
		if (!Array.isArray(raw)) {
			c.add(['questions'], 'wrong_type', `Expected a list of questions, found ${describe(raw)}.`);
		} else {
			const allIds = new Set<string>();
			for (const item of raw) {
				if (isObject(item) && typeof item.id === 'string') allIds.add(item.id);
			}
			const earlier = new Map<string, Question>();
			const broken = new Set<string>();
			const seen = new Set<string>();
			raw.forEach((item, i) => {
				const path: Path = ['questions', i];
				const id = isObject(item) && typeof item.id === 'string' ? item.id : undefined;
				if (id !== undefined && seen.has(id)) {
					c.add([...path, 'id'], 'duplicate_id', `Question id "${id}" is used twice.`);
				}
				if (id !== undefined) seen.add(id);
				const q = checkQuestion(c, item, path, earlier, allIds, broken);
				if (q) {
					questions.push(q);
					if (!earlier.has(q.id)) earlier.set(q.id, q);
				} else if (id !== undefined) broken.add(id);
			});
			if (raw.length > 0 && !raw.some((item) => isObject(item) && item.type !== 'info')) {
				c.add(
					['questions'],
					'too_few',
					'A survey needs at least one question that takes an answer.'
				);
			}
			if (raw.length === 0)
				c.add(['questions'], 'too_few', 'A survey needs at least one question.');
		}
	}

	if (c.errors.length > 0) return { ok: false, errors: c.errors };
	const value: SurveyDefinition = {
		slug: slug as string,
		title: title as LocalizedText,
		intro: intro as LocalizedText,
		estimatedMinutes: estimatedMinutes as number,
		opens: opens as string,
		closes: closes as string,
		resultsPublic: resultsPublic as boolean,
		whatNext: whatNext as LocalizedText,
		resultsAt: resultsAt as string,
		questions
	};
	if (district !== undefined) value.district = district as District;
	return { ok: true, value };
}

/** One translatable text in a definition, with where it sits; for lint, i18n and translators. */
export interface TextEntry {
	path: Path;
	text: LocalizedText;
	/** The question it belongs to, if any. */
	questionId?: string;
}

/** Every localized text in a parsed definition, in reading order. */
export function collectTexts(def: SurveyDefinition): TextEntry[] {
	const out: TextEntry[] = [];
	out.push({ path: ['title'], text: def.title });
	out.push({ path: ['intro'], text: def.intro });
	def.questions.forEach((q, i) => {
		const at = (...rest: Path): Path => ['questions', i, ...rest];
		out.push({ path: at('label'), text: q.label, questionId: q.id });
		if (q.help) out.push({ path: at('help'), text: q.help, questionId: q.id });
		if (q.type === 'info' && q.body) out.push({ path: at('body'), text: q.body, questionId: q.id });
		if (q.type === 'scale') {
			out.push({ path: at('minLabel'), text: q.minLabel, questionId: q.id });
			out.push({ path: at('maxLabel'), text: q.maxLabel, questionId: q.id });
		}
		if ('options' in q) {
			q.options.forEach((o, j) =>
				out.push({ path: at('options', j, 'label'), text: o.label, questionId: q.id })
			);
		}
	});
	out.push({ path: ['whatNext'], text: def.whatNext });
	return out;
}
