// Fills a message's placeholders: `{name}` takes a value, and an ICU-style
// plural `{count, plural, =0 {none} one {# answer} other {# answers}}` picks
// the branch for the number in the language's own plural rules (Arabic has
// six forms), with `#` standing for the number. Kept small on purpose: the
// citizen app's first load carries it.

export type MessageParams = Record<string, string | number>;

const rulesByLanguage = new Map<string, Intl.PluralRules>();

function pluralRules(language: string): Intl.PluralRules {
	let rules = rulesByLanguage.get(language);
	if (!rules) {
		rules = new Intl.PluralRules(language);
		rulesByLanguage.set(language, rules);
	}
	return rules;
}

/** Index of the `}` that closes the `{` at `open`, or -1 when it is never closed. */
function closing(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		if (text[i] === '{') depth++;
		else if (text[i] === '}' && --depth === 0) return i;
	}
	return -1;
}

/** The branches of a plural's body: `one {…} other {…}` → { one: '…', other: '…' }. */
function branches(body: string): Map<string, string> | null {
	const found = new Map<string, string>();
	let i = 0;
	while (i < body.length) {
		const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
		if (!selector) return /^\s*$/.test(body.slice(i)) && found.has('other') ? found : null;
		const open = i + selector[0].length - 1;
		const end = closing(body, open);
		if (end < 0) return null;
		found.set(selector[1], body.slice(open + 1, end));
		i = end + 1;
	}
	return found.has('other') ? found : null;
}

/** Replaces `#` by the number, except inside a nested `{…}` (which has its own). */
function fillHash(branch: string, value: string): string {
	let depth = 0;
	let out = '';
	for (const char of branch) {
		if (char === '{') depth++;
		else if (char === '}') depth--;
		out += char === '#' && depth === 0 ? value : char;
	}
	return out;
}

/** Whether a message is well formed: every plural parses and has an `other` branch. */
export function isValidMessage(template: string): boolean {
	const plural = /\{(\w+),\s*plural,/g;
	for (let match; (match = plural.exec(template));) {
		const end = closing(template, match.index);
		if (end < 0) return false;
		const found = branches(template.slice(match.index + match[0].length, end));
		if (!found || ![...found.values()].every(isValidMessage)) return false;
	}
	return true;
}

/** The names a message expects, plain or plural, sorted once each (to compare translations). */
export function placeholdersOf(template: string): string[] {
	// Unique: a name used in several plural branches is one placeholder.
	return [...new Set([...template.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]))].sort();
}

/** Fills `{name}` placeholders and chooses plural branches for `language`. */
export function formatMessage(template: string, params: MessageParams, language: string): string {
	let out = '';
	let i = 0;
	while (i < template.length) {
		const open = template.indexOf('{', i);
		if (open < 0) break;
		out += template.slice(i, open);
		const plural = /^\{(\w+),\s*plural,/.exec(template.slice(open));
		const end = plural ? closing(template, open) : -1;
		const found = end < 0 ? null : branches(template.slice(open + plural![0].length, end));
		if (plural && found && plural[1] in params) {
			const value = Number(params[plural[1]]);
			const branch =
				found.get(`=${value}`) ??
				found.get(pluralRules(language).select(value)) ??
				found.get('other')!;
			out += formatMessage(fillHash(branch, String(params[plural[1]])), params, language);
			i = end + 1;
			continue;
		}
		// A plain `{name}`, or text left as it is when the value is missing.
		const simple = /^\{(\w+)\}/.exec(template.slice(open));
		if (simple && simple[1] in params) {
			out += String(params[simple[1]]);
			i = open + simple[0].length;
		} else {
			out += '{';
			i = open + 1;
		}
	}
	return out + template.slice(i);
}
