// Reads survey YAML files from disk and maps schema paths back to lines.
// The only module in surveys/ that touches Node and the yaml package; the CLI's validate and lint
// use it, and so will `surveys import` (slug + hash tell whether the database copy is current).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	isMap,
	isPair,
	isScalar,
	isSeq,
	LineCounter,
	parseDocument,
	type Document,
	type Node as YamlNode
} from 'yaml';
import { lintSurvey, type LintWarning } from './lint.ts';
import { formatPath, parseSurveyDefinition, type Path, type SurveyDefinition } from './schema.ts';

/** The folder that holds the survey files (this module's own folder). */
export const SURVEYS_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface SourceLocation {
	/** 1-based. */
	line: number;
	/** 1-based. */
	col: number;
}

export interface FileProblem extends SourceLocation {
	file: string;
	severity: 'error' | 'warning';
	/** Schema error code, `yaml_<CODE>` for syntax errors, or a lint rule. */
	code: string;
	path: Path;
	message: string;
	questionId?: string;
}

export interface LoadedSurvey {
	file: string;
	slug: string;
	definition: SurveyDefinition;
	/** `sha256:<hex>` of the definition in canonical JSON: comments and layout do not change it. */
	hash: string;
	/** Where a path of the definition sits in the file (the nearest existing node). */
	locate(path: Path): SourceLocation;
}

export interface SurveyFileResult {
	file: string;
	survey?: LoadedSurvey;
	problems: FileProblem[];
}

export interface LoadResult {
	surveys: LoadedSurvey[];
	problems: FileProblem[];
}

/** JSON with sorted keys, so equal definitions always hash the same. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.keys(value)
			.sort()
			.filter((k) => (value as Record<string, unknown>)[k] !== undefined)
			.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value);
}

export function contentHash(def: SurveyDefinition): string {
	return `sha256:${createHash('sha256').update(canonicalJson(def)).digest('hex')}`;
}

function keyOf(node: unknown): unknown {
	return isScalar(node) ? node.value : node;
}

/**
 * The start offset of the node a path points to. A path that ends on a map key points at the key
 * (its value may start on the next line); a missing field points at the map that lacks it.
 */
export function offsetOfPath(doc: Document, path: Path): number {
	let node: unknown = doc.contents;
	let offset = (node as YamlNode | null)?.range?.[0] ?? 0;
	for (const segment of path) {
		if (isMap(node)) {
			const pair = node.items.find((p) => isPair(p) && String(keyOf(p.key)) === String(segment));
			if (!pair) break;
			offset = (pair.key as YamlNode | null)?.range?.[0] ?? offset;
			node = pair.value;
		} else if (isSeq(node) && typeof segment === 'number') {
			const item = node.items[segment] as YamlNode | undefined;
			if (!item) break;
			offset = item.range?.[0] ?? offset;
			node = item;
		} else {
			break;
		}
	}
	return offset;
}

/** Parses one survey from YAML text; never throws, every problem is in `problems`. */
export function parseSurveyYaml(source: string, file: string): SurveyFileResult {
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const at = (offset: number): SourceLocation => {
		const { line, col } = lineCounter.linePos(offset);
		return { line, col };
	};
	const locate = (path: Path): SourceLocation => at(offsetOfPath(doc, path));

	if (doc.errors.length > 0) {
		return {
			file,
			problems: doc.errors.map((e) => ({
				file,
				...at(e.pos[0]),
				severity: 'error',
				code: `yaml_${e.code}`,
				path: [],
				message: e.message
			}))
		};
	}

	const parsed = parseSurveyDefinition(doc.toJS({ maxAliasCount: 50 }));
	if (!parsed.ok) {
		return {
			file,
			problems: parsed.errors.map((e) => ({
				file,
				...locate(e.path),
				severity: 'error',
				code: e.code,
				path: e.path,
				message: e.message
			}))
		};
	}

	const definition = parsed.value;
	const problems: FileProblem[] = [];
	const name = basename(file, extname(file));
	if (name !== definition.slug) {
		// The slug is the key for import; a matching file name makes the right file easy to find.
		problems.push({
			file,
			...locate(['slug']),
			severity: 'warning',
			code: 'slug_mismatch',
			path: ['slug'],
			message: `The file name "${name}" differs from the slug "${definition.slug}".`
		});
	}
	const survey: LoadedSurvey = {
		file,
		slug: definition.slug,
		definition,
		hash: contentHash(definition),
		locate
	};
	return { file, survey, problems };
}

export async function loadSurveyFile(file: string): Promise<SurveyFileResult> {
	let source: string;
	try {
		source = await readFile(file, 'utf8');
	} catch (error) {
		const reason =
			(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
		return {
			file,
			problems: [
				{ file, line: 1, col: 1, severity: 'error', code: 'unreadable', path: [], message: reason }
			]
		};
	}
	return parseSurveyYaml(source, file);
}

/** All .yaml/.yml files under `dir`, sorted; skips hidden folders and node_modules. */
export async function findSurveyFiles(dir: string = SURVEYS_DIR): Promise<string[]> {
	const out: string[] = [];
	const walk = async (at: string): Promise<void> => {
		const entries = await readdir(at, { withFileTypes: true });
		for (const entry of entries) {
			if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
			const full = join(at, entry.name);
			if (entry.isDirectory()) await walk(full);
			else if (/\.ya?ml$/i.test(entry.name)) out.push(full);
		}
	};
	await walk(dir);
	return out.sort();
}

/**
 * Loads and validates survey files (default: every YAML file under surveys/). Returns the valid
 * definitions with slug and hash, and every problem; a slug used twice is an error.
 */
export async function loadSurveys(files?: string[]): Promise<LoadResult> {
	const list = files ?? (await findSurveyFiles());
	const surveys: LoadedSurvey[] = [];
	const problems: FileProblem[] = [];
	const bySlug = new Map<string, LoadedSurvey>();
	for (const file of list) {
		const result = await loadSurveyFile(file);
		problems.push(...result.problems);
		if (!result.survey) continue;
		const first = bySlug.get(result.survey.slug);
		if (first) {
			problems.push({
				file,
				...result.survey.locate(['slug']),
				severity: 'error',
				code: 'duplicate_slug',
				path: ['slug'],
				message: `Slug "${result.survey.slug}" is already used by ${first.file}.`
			});
			continue;
		}
		bySlug.set(result.survey.slug, result.survey);
		surveys.push(result.survey);
	}
	return { surveys, problems };
}

/** Lint warnings of a loaded survey, placed in its file. */
export function lintLoadedSurvey(survey: LoadedSurvey): FileProblem[] {
	return lintSurvey(survey.definition).map((w: LintWarning) => {
		const p: FileProblem = {
			file: survey.file,
			...survey.locate(w.path),
			severity: 'warning',
			code: w.rule,
			path: w.path,
			message: w.message
		};
		if (w.questionId !== undefined) p.questionId = w.questionId;
		return p;
	});
}

/** `file:line:col severity [code] path: message`, the format editors and CI parse. */
export function formatProblem(p: FileProblem): string {
	// Syntax errors have no schema path; everything else names one, even if it is the root.
	const syntax = p.code.startsWith('yaml_') || p.code === 'unreadable';
	const where = syntax && p.path.length === 0 ? '' : ` ${formatPath(p.path)}`;
	return `${p.file}:${p.line}:${p.col} ${p.severity} [${p.code}]${where}: ${p.message}`;
}
