// Plain-language checks for Dutch text, so the city writes at B1 level.
// Pure and free of survey types: the same rules check the app's Dutch message files.
// These are heuristics that produce warnings for a writer to judge, never hard errors.

export type PlainLanguageRule = 'long_sentence' | 'long_word' | 'passive_voice' | 'jargon';

export interface PlainLanguageIssue {
	rule: PlainLanguageRule;
	/** English, for the CLI; `suggestion` holds the Dutch alternative when there is one. */
	message: string;
	/** Offsets into the checked text (UTF-16), so an editor can underline the spot. */
	start: number;
	end: number;
	excerpt: string;
	suggestion?: string;
}

export interface JargonEntry {
	/** The word or phrase as a writer would type it, lowercase. */
	term: string;
	/** The plain Dutch alternative to offer. */
	alternative: string;
	/** Other inflected forms that mean the same, lowercase. */
	forms?: string[];
}

export interface PlainLanguageOptions {
	/** Warn above this many words in one sentence. B1 guidance: about 15 on average. */
	maxSentenceWords?: number;
	/** Warn above this many letters in one word (each part of a hyphenated word counts alone). */
	maxWordLength?: number;
	/** Replaces the built-in list. */
	jargon?: readonly JargonEntry[];
	/** Words never reported as long, e.g. a street name written in lowercase. */
	allowWords?: readonly string[];
}

export const DEFAULT_MAX_SENTENCE_WORDS = 20;
export const DEFAULT_MAX_WORD_LENGTH = 15;

/** Officialese that B1 readers stumble on, with the everyday word (after Klare Taal Vlaanderen). */
export const JARGON: readonly JargonEntry[] = [
	{ term: 'middels', alternative: 'met' },
	{ term: 'teneinde', alternative: 'om', forms: ['ten einde'] },
	{ term: 'inzake', alternative: 'over' },
	{ term: 'aangaande', alternative: 'over' },
	{ term: 'omtrent', alternative: 'over' },
	{ term: 'betreffende', alternative: 'over' },
	{ term: 'met betrekking tot', alternative: 'over' },
	{ term: 'ten aanzien van', alternative: 'over' },
	{ term: 'in het kader van', alternative: 'bij, voor' },
	{ term: 'ten behoeve van', alternative: 'voor' },
	{ term: 'alsmede', alternative: 'en, ook' },
	{ term: 'alsook', alternative: 'en, ook' },
	{ term: 'indien', alternative: 'als' },
	{ term: 'mits', alternative: 'als' },
	{ term: 'reeds', alternative: 'al' },
	{ term: 'thans', alternative: 'nu' },
	{ term: 'heden', alternative: 'vandaag, nu' },
	{ term: 'nadien', alternative: 'daarna' },
	{ term: 'alvorens', alternative: 'voor, eerst' },
	{ term: 'derhalve', alternative: 'daarom' },
	{ term: 'dientengevolge', alternative: 'daardoor' },
	{ term: 'desalniettemin', alternative: 'toch' },
	{ term: 'niettemin', alternative: 'toch' },
	{ term: 'evenwel', alternative: 'maar' },
	{ term: 'doch', alternative: 'maar' },
	{ term: 'hetgeen', alternative: 'wat' },
	{ term: 'conform', alternative: 'volgens' },
	{ term: 'ingevolge', alternative: 'door, volgens' },
	{ term: 'onderhavig', alternative: 'dit, deze', forms: ['onderhavige'] },
	{ term: 'voornoemd', alternative: 'dit, deze', forms: ['voornoemde'] },
	{ term: 'dan wel', alternative: 'of' },
	{ term: 'daadwerkelijk', alternative: 'echt' },
	{ term: 'aanvang', alternative: 'begin' },
	{ term: 'aanvangen', alternative: 'beginnen', forms: ['vangt aan', 'ving aan'] },
	{ term: 'dienen te', alternative: 'moeten', forms: ['dient te', 'diende te'] },
	{ term: 'trachten', alternative: 'proberen', forms: ['tracht', 'trachtte'] },
	{ term: 'verstrekken', alternative: 'geven', forms: ['verstrekt', 'verstrekte'] },
	{ term: 'retourneren', alternative: 'terugsturen', forms: ['retourneert', 'geretourneerd'] },
	{ term: 'opteren', alternative: 'kiezen', forms: ['opteert', 'geopteerd'] },
	{ term: 'woonachtig', alternative: 'wonen (in)' },
	{ term: 'wijzigen', alternative: 'veranderen', forms: ['wijzigt', 'gewijzigd'] },
	{ term: 'wijziging', alternative: 'verandering', forms: ['wijzigingen'] },
	{ term: 'bewerkstelligen', alternative: 'zorgen voor' },
	{ term: 'faciliteren', alternative: 'helpen, mogelijk maken', forms: ['faciliteert'] },
	{ term: 'implementeren', alternative: 'invoeren', forms: ['implementeert', 'geïmplementeerd'] },
	{ term: 'monitoren', alternative: 'volgen', forms: ['monitort', 'gemonitord'] },
	{ term: 'evalueren', alternative: 'bekijken hoe het ging', forms: ['evalueert', 'geëvalueerd'] },
	{ term: 'prioriteren', alternative: 'kiezen wat eerst komt' },
	{ term: 'participatietraject', alternative: 'inspraak' },
	{ term: 'ter beschikking stellen', alternative: 'geven', forms: ['ter beschikking gesteld'] },
	{ term: 'in overweging nemen', alternative: 'nadenken over' },
	{ term: 'op het moment dat', alternative: 'als, wanneer' },
	{ term: 'teneinde te', alternative: 'om te' }
];

const WORDEN_FORMS = new Set(['word', 'wordt', 'worden', 'werd', 'werden', 'geworden']);

// Particles of separable verbs, so that "aangelegd" and "goedgekeurd" count as participles.
const GE_PARTICIPLE_RE =
	/^(?:aan|af|bij|binnen|door|in|mee|na|om|op|over|rond|samen|terug|toe|uit|vast|voor|weg|neer|los|vrij|tegen|achter|open|dicht|klaar|bekend|schoon|goed|stil|tot|vrij)?ge[a-zà-ÿ]{2,}(?:d|t|en)$/;
// Inseparable prefixes take no ge-; only the regular -d/-t forms are recognised by shape.
const PREFIX_PARTICIPLE_RE = /^(?:be|ver|ont|her|er)[a-zà-ÿ]{3,}(?:d|t)$/;
const STRONG_PARTICIPLES = new Set([
	'besproken',
	'beslist',
	'bevolen',
	'beschreven',
	'bekeken',
	'betrokken',
	'verboden',
	'vergeten',
	'verkregen',
	'verzonden',
	'verschoven',
	'ontvangen',
	'ontworpen',
	'ontnomen',
	'herzien',
	'herschreven',
	'erkend'
]);
// Common words shaped like participles that are not, to keep false alarms down.
const NOT_PARTICIPLES = new Set([
	'gebied',
	'gebieden',
	'gebouwen',
	'gevolgen',
	'geleden',
	'gezond',
	'geeft',
	'geldt',
	'gelden',
	'gebeurt',
	'gemeenten',
	'gedachten',
	'genieten',
	'gebruiken',
	'geloven',
	'gebeuren',
	'gewicht',
	'gezicht',
	'gerecht',
	'gevecht',
	'geschiedenis',
	'bericht',
	'berichten',
	'verkeerslicht',
	'verschilt',
	'verstand',
	'verband',
	'verbond',
	'bezit',
	'bestand',
	'ervaart',
	'verwacht',
	'verblijft',
	'bedankt',
	'bezoekt',
	'betaalt',
	'bestaat',
	'verandert',
	'vertelt',
	'verdient',
	'verlaat',
	'ontstaat',
	'herkent',
	'erbij',
	'ergert',
	'begint'
]);

/** True for a word shaped like a Dutch past participle ("gemaakt", "aangelegd", "besproken"). */
export function looksLikeParticiple(word: string): boolean {
	const w = word.toLowerCase();
	if (WORDEN_FORMS.has(w)) return false;
	if (STRONG_PARTICIPLES.has(w)) return true;
	if (NOT_PARTICIPLES.has(w)) return false;
	return GE_PARTICIPLE_RE.test(w) || PREFIX_PARTICIPLE_RE.test(w);
}

export interface Span {
	text: string;
	start: number;
	end: number;
}

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = new Set([
	'bv',
	'bijv',
	'bijvoorbeeld',
	'o.a',
	'd.w.z',
	'enz',
	'nr',
	'ca',
	'incl',
	'excl',
	'vb',
	'i.p.v',
	'm.a.w',
	'z.o.z',
	'st',
	'tel'
]);

/** Replaces URLs, e-mail addresses and `{placeholders}` with spaces, keeping offsets intact. */
function mask(text: string): string {
	const blank = (m: string): string => ' '.repeat(m.length);
	return text
		.replace(/\bhttps?:\/\/\S+|\bwww\.\S+/gi, blank)
		.replace(/\S+@\S+\.\S+/g, blank)
		.replace(/\{[^{}]*\}/g, blank);
}

/** Sentences of a text, split on . ! ? and line breaks (a list item reads as a sentence). */
export function splitSentences(text: string): Span[] {
	const masked = mask(text);
	const out: Span[] = [];
	let start = 0;
	const push = (end: number): void => {
		const raw = text.slice(start, end);
		const lead = raw.length - raw.trimStart().length;
		const trimmed = raw.trim();
		if (trimmed !== '')
			out.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
	};
	for (let i = 0; i < masked.length; i++) {
		const ch = masked[i];
		if (ch === '\n') {
			push(i);
			start = i + 1;
		} else if (ch === '.' || ch === '!' || ch === '?') {
			let j = i;
			while (j + 1 < masked.length && '.!?'.includes(masked[j + 1])) j++;
			const next = masked[j + 1];
			if (next !== undefined && !/\s/.test(next)) continue;
			if (ch === '.') {
				const before = /([\p{L}.]+)$/u.exec(masked.slice(start, i));
				if (before && ABBREVIATIONS.has(before[1].toLowerCase())) continue;
				// "3.5" and "1. " in a numbered list are not sentence ends worth splitting on.
				if (/\d$/.test(masked.slice(start, i)) && next !== undefined && /\d/.test(next)) continue;
			}
			push(j + 1);
			start = j + 1;
			i = j;
		}
	}
	push(masked.length);
	return out;
}

/** Words (letters and digits, with inner hyphens and apostrophes) with their offsets. */
export function splitWords(text: string, offset = 0): Span[] {
	const masked = mask(text);
	const out: Span[] = [];
	const re = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
	let m: RegExpExecArray | null;
	while ((m = re.exec(masked)) !== null) {
		out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
	}
	return out;
}

function clip(text: string, max = 60): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function checkSentenceLength(sentence: Span, words: Span[], max: number): PlainLanguageIssue[] {
	if (words.length <= max) return [];
	return [
		{
			rule: 'long_sentence',
			message: `Sentence of ${words.length} words (more than ${max}); split it or cut words.`,
			start: sentence.start,
			end: sentence.end,
			excerpt: clip(sentence.text)
		}
	];
}

function checkWordLength(
	words: Span[],
	max: number,
	allow: ReadonlySet<string>
): PlainLanguageIssue[] {
	const out: PlainLanguageIssue[] = [];
	words.forEach((w, index) => {
		if (allow.has(w.text.toLowerCase())) return;
		if (/\d/.test(w.text)) return;
		// A capital inside a sentence marks a name (Turnhoutsebaan); names stay as they are.
		if (index > 0 && /^\p{Lu}/u.test(w.text)) return;
		const parts = w.text.split(/[-'’]/);
		const longest = parts.reduce((a, b) => ([...b].length > [...a].length ? b : a), '');
		if ([...longest].length > max) {
			out.push({
				rule: 'long_word',
				message: `"${w.text}" is long (${[...longest].length} letters); use a shorter or more common word.`,
				start: w.start,
				end: w.end,
				excerpt: w.text
			});
		}
	});
	return out;
}

/** Clauses split on punctuation, because a worden-form and a participle belong to one clause. */
function clauses(sentence: Span, words: Span[], text: string): Span[][] {
	const groups: Span[][] = [[]];
	let last = sentence.start;
	for (const w of words) {
		if (/[,;:()–—]/.test(text.slice(last, w.start))) groups.push([]);
		groups[groups.length - 1].push(w);
		last = w.end;
	}
	return groups.filter((g) => g.length > 0);
}

function checkPassive(sentence: Span, words: Span[], text: string): PlainLanguageIssue[] {
	for (const clause of clauses(sentence, words, text)) {
		const lower = clause.map((w) => w.text.toLowerCase());
		for (let i = 0; i < lower.length; i++) {
			if (!WORDEN_FORMS.has(lower[i])) continue;
			for (let j = 0; j < lower.length; j++) {
				if (j === i || !looksLikeParticiple(lower[j])) continue;
				// "ge-" participles are reliable anywhere in the clause; be-/ver-/ont- words are also
				// verbs and nouns, so only count them in a participle's usual place.
				const geShaped = GE_PARTICIPLE_RE.test(lower[j]);
				const placed = Math.abs(j - i) === 1 || j === lower.length - 1;
				if (!geShaped && !placed) continue;
				const from = Math.min(clause[i].start, clause[j].start);
				const to = Math.max(clause[i].end, clause[j].end);
				return [
					{
						rule: 'passive_voice',
						message: `Passive voice ("${clause[i].text} … ${clause[j].text}"); say who does it: "de stad legt … aan".`,
						start: from,
						end: to,
						excerpt: clip(text.slice(from, to))
					}
				];
			}
		}
	}
	return [];
}

function checkJargon(words: Span[], entries: readonly JargonEntry[]): PlainLanguageIssue[] {
	const out: PlainLanguageIssue[] = [];
	const lower = words.map((w) => w.text.toLowerCase());
	for (const entry of entries) {
		for (const form of [entry.term, ...(entry.forms ?? [])]) {
			const parts = form.split(/\s+/);
			for (let i = 0; i + parts.length <= lower.length; i++) {
				if (parts.every((p, k) => lower[i + k] === p)) {
					const start = words[i].start;
					const end = words[i + parts.length - 1].end;
					out.push({
						rule: 'jargon',
						message: `"${form}" is officialese; write "${entry.alternative}".`,
						start,
						end,
						excerpt: form,
						suggestion: entry.alternative
					});
				}
			}
		}
	}
	return out;
}

/** Checks one Dutch text; issues come sorted by position. */
export function checkDutchText(
	text: string,
	options: PlainLanguageOptions = {}
): PlainLanguageIssue[] {
	const maxSentence = options.maxSentenceWords ?? DEFAULT_MAX_SENTENCE_WORDS;
	const maxWord = options.maxWordLength ?? DEFAULT_MAX_WORD_LENGTH;
	const jargon = options.jargon ?? JARGON;
	const allow = new Set((options.allowWords ?? []).map((w) => w.toLowerCase()));
	const issues: PlainLanguageIssue[] = [];
	for (const sentence of splitSentences(text)) {
		const words = splitWords(text.slice(sentence.start, sentence.end), sentence.start);
		issues.push(...checkSentenceLength(sentence, words, maxSentence));
		issues.push(...checkWordLength(words, maxWord, allow));
		issues.push(...checkPassive(sentence, words, text));
		issues.push(...checkJargon(words, jargon));
	}
	return issues.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}

export interface MessageIssue extends PlainLanguageIssue {
	/** Dotted key of the message, e.g. `survey.submit.button`. */
	key: string;
}

/** Checks every string in a (nested) message file object, such as the app's `nl.json`. */
export function checkDutchMessages(
	messages: unknown,
	options: PlainLanguageOptions = {}
): MessageIssue[] {
	const out: MessageIssue[] = [];
	const walk = (value: unknown, key: string): void => {
		if (typeof value === 'string') {
			for (const issue of checkDutchText(value, options)) out.push({ ...issue, key });
		} else if (Array.isArray(value)) {
			value.forEach((v, i) => walk(v, `${key}[${i}]`));
		} else if (typeof value === 'object' && value !== null) {
			for (const [k, v] of Object.entries(value)) walk(v, key === '' ? k : `${key}.${k}`);
		}
	};
	walk(messages, '');
	return out;
}
