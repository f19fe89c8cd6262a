// Reads decisions from the exports Flemish local governments publish as linked
// data (OSLO Besluit: JSON-LD, or a CSV with the OSLO property names as columns)
// and loads them all-or-nothing: every entry is checked before anything is
// written, and the server writes them all in one transaction.
import type PocketBase from 'pocketbase';
import { DISTRICTS } from '../../web/lib/api/districts.ts';

export type Body = 'gemeenteraad' | 'college' | 'districtsraad' | 'districtscollege';

/** One decision, in the fields of the `decisions` collection. */
export interface DecisionInput {
	sourceUri: string;
	slug: string;
	title: string;
	shortTitle: string;
	description: string;
	content: string;
	motivation: string;
	summary: string;
	body: Body;
	district: string;
	sessionDate: string;
	publicationDate: string;
	inForceFrom: string;
	inForceUntil: string;
	articles: { number: string; text: string }[];
	themes: string[];
	/** Where the decision applies, when the file says (WGS84). */
	location: { lat: number; lon: number } | null;
}

/** Where an entry sits in the file, so a person can find it. */
export interface Problem {
	where: string;
	message: string;
}

export interface ParseResult {
	decisions: { where: string; decision: DecisionInput }[];
	/** Entries that are not wrong but are left out, with the reason. */
	skipped: Problem[];
	/** Entries that are wrong: with any of these, nothing is imported. */
	errors: Problem[];
}

/** A problem with the file as a whole: nothing of it can be read. */
export class ImportFileError extends Error {
	override name = 'ImportFileError';
}

const BESLUIT = 'http://data.vlaanderen.be/ns/besluit#';
const ELI = 'http://data.europa.eu/eli/ontology#';
const PROV = 'http://www.w3.org/ns/prov#';
const DCT = 'http://purl.org/dc/terms/';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const SCHEMA = 'https://schema.org/';
const LOCN = 'http://www.w3.org/ns/locn#';
const GEOSPARQL = 'http://www.opengis.net/ont/geosparql#';
const WGS84 = 'http://www.w3.org/2003/01/geo/wgs84_pos#';

// ---------------------------------------------------------------- shared checks

export function bodyFromLabel(label: string): Body | undefined {
	const text = label.toLowerCase();
	if (text.includes('districtscollege')) return 'districtscollege';
	if (text.includes('districtsraad')) return 'districtsraad';
	if (text.includes('gemeenteraad') || text.includes('raad voor maatschappelijk'))
		return 'gemeenteraad';
	if (text.includes('college van burgemeester') || text.includes('schepencollege'))
		return 'college';
	if ((['gemeenteraad', 'college', 'districtsraad', 'districtscollege'] as string[]).includes(text))
		return text as Body;
	return undefined;
}

export function districtFromLabel(label: string): string {
	const text = label.toLowerCase();
	// Longest first: "berendrecht-zandvliet-lillo" before any shorter match.
	return (
		[...DISTRICTS]
			.sort((a, b) => b.length - a.length)
			.find((district) => text.includes(district)) ?? ''
	);
}

/**
 * A calendar day as YYYY-MM-DD from ISO dates and datetimes or Belgian
 * day-month-year; undefined when it is not a real date.
 */
export function toDay(value: string): string | undefined {
	const text = value.trim();
	let year: number, month: number, day: number;
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
	const belgian = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
	if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	else if (belgian)
		[day, month, year] = [Number(belgian[1]), Number(belgian[2]), Number(belgian[3])];
	else return undefined;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (
		date.getUTCFullYear() !== year ||
		date.getUTCMonth() !== month - 1 ||
		date.getUTCDate() !== day
	)
		return undefined;
	return date.toISOString().slice(0, 10);
}

export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/g, '');
}

/** "1: text | 2: text", or one "Artikel 1. text" per line. */
export function parseArticles(cell: string): { number: string; text: string }[] {
	return cell
		.split(/\s*\|\s*|\r?\n/)
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part, index) => {
			const match = /^(?:art(?:ikel|\.)?\s*)?(\d+[a-z]*)\s*[.:)-]\s*(.+)$/is.exec(part);
			return match
				? { number: match[1], text: match[2].trim() }
				: { number: String(index + 1), text: part };
		});
}

interface Raw {
	sourceUri: string;
	title: string;
	shortTitle: string;
	description: string;
	content: string;
	motivation: string;
	summary: string;
	bodyLabel: string;
	districtLabel: string;
	sessionDate: string;
	publicationDate: string;
	inForceFrom: string;
	inForceUntil: string;
	articles: { number: string; text: string }[];
	themes: string[];
	/** A WKT point ("POINT(4.47 51.23)", optionally after a CRS IRI) or "lat, lon" given apart. */
	wkt: string;
	latitude: string;
	longitude: string;
}

const LIMITS: [keyof Raw, number][] = [
	['title', 500],
	['shortTitle', 200],
	['description', 5000],
	['content', 200000],
	['motivation', 100000],
	['summary', 5000]
];

/**
 * A location from a WKT point (longitude first, WGS84, as GeoSPARQL and
 * locn:geometry write it) or from a latitude and a longitude; undefined when
 * what is given is not a point in WGS84, null when nothing is given.
 */
export function toLocation(
	wkt: string,
	latitude: string,
	longitude: string
): { lat: number; lon: number } | null | undefined {
	let lat: number, lon: number;
	if (wkt.trim()) {
		const crs = /^\s*<([^>]*)>/.exec(wkt)?.[1];
		// Only WGS84 (CRS84 or EPSG:4326 read as longitude, latitude, as GeoSPARQL does by default).
		if (crs && !/CRS84$|EPSG\/0\/4326$/.test(crs)) return undefined;
		const point = /POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$/i.exec(
			wkt.replace(/^\s*<[^>]*>/, '')
		);
		if (!point) return undefined;
		[lon, lat] = [Number(point[1]), Number(point[2])];
	} else if (latitude.trim() || longitude.trim()) {
		const number = (text: string) =>
			/^\s*-?\d+(?:[.,]\d+)?\s*$/.test(text) ? Number(text.replace(',', '.')) : NaN;
		[lat, lon] = [number(latitude), number(longitude)];
	} else return null;
	if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return undefined;
	return { lat, lon };
}

/** Checks one entry; returns the decision or the list of what is wrong. */
function validate(
	raw: Raw,
	options: { defaultBody?: Body }
): { decision?: DecisionInput; problems: string[] } {
	const problems: string[] = [];
	if (!raw.title.trim()) problems.push('no title (eli:title / titel)');
	for (const [field, max] of LIMITS) {
		if ((raw[field] as string).length > max)
			problems.push(`${field} is longer than ${max} characters`);
	}
	const body = (raw.bodyLabel && bodyFromLabel(raw.bodyLabel)) || options.defaultBody;
	if (!body) {
		problems.push(
			raw.bodyLabel
				? `deciding body "${raw.bodyLabel}" is not the council, the college or a district council (give --body to choose one)`
				: 'no deciding body (eli:passed_by / bestuursorgaan; give --body to choose one)'
		);
	}
	// "Gemeenteraad Antwerpen" names the city, not the district Antwerpen.
	const district =
		districtFromLabel(raw.districtLabel) ||
		(body?.startsWith('district') ? districtFromLabel(raw.bodyLabel) : '');
	if (raw.districtLabel && !districtFromLabel(raw.districtLabel))
		problems.push(`district "${raw.districtLabel}" is not one of Antwerp's districts`);
	if (body?.startsWith('district') && !district)
		problems.push(`a ${body} decision needs its district`);
	const dates: Partial<
		Record<'sessionDate' | 'publicationDate' | 'inForceFrom' | 'inForceUntil', string>
	> = {};
	for (const field of ['sessionDate', 'publicationDate', 'inForceFrom', 'inForceUntil'] as const) {
		const value = raw[field].trim();
		if (!value) continue;
		const day = toDay(value);
		if (day) dates[field] = day;
		else problems.push(`${field} "${value}" is not a date (use YYYY-MM-DD)`);
	}
	if (!raw.sessionDate.trim() && !raw.publicationDate.trim())
		problems.push('no session date and no publication date');
	if (dates.inForceFrom && dates.inForceUntil && dates.inForceUntil < dates.inForceFrom)
		problems.push('in force until a day before it comes into force');
	if (raw.sourceUri && !/^https?:\/\/\S+$/.test(raw.sourceUri))
		problems.push(`"${raw.sourceUri}" is not a web address (URI)`);
	const location = toLocation(raw.wkt, raw.latitude, raw.longitude);
	if (location === undefined) {
		problems.push(
			raw.wkt.trim()
				? `location "${raw.wkt.trim()}" is not a point in WGS84 (POINT(longitude latitude))`
				: `location "${raw.latitude}, ${raw.longitude}" is not a latitude and a longitude`
		);
	}
	const themes = raw.themes.map(slugify).filter(Boolean);
	if (problems.length || !body) return { problems };
	const slug = slugify(raw.shortTitle || raw.title) || 'besluit';
	return {
		problems,
		decision: {
			sourceUri: raw.sourceUri,
			slug,
			title: raw.title.trim(),
			shortTitle: raw.shortTitle.trim(),
			description: raw.description.trim(),
			content: raw.content.trim(),
			motivation: raw.motivation.trim(),
			summary: raw.summary.trim(),
			body,
			district,
			sessionDate: dates.sessionDate ?? '',
			publicationDate: dates.publicationDate ?? '',
			inForceFrom: dates.inForceFrom ?? '',
			inForceUntil: dates.inForceUntil ?? '',
			articles: raw.articles,
			themes: [...new Set(themes)],
			location: location ?? null
		}
	};
}

function collect(
	entries: { where: string; raw: Raw }[],
	options: { defaultBody?: Body },
	skipped: Problem[] = []
): ParseResult {
	const result: ParseResult = { decisions: [], skipped, errors: [] };
	const seenUris = new Set<string>();
	const slugs = new Set<string>();
	for (const { where, raw } of entries) {
		const { decision, problems } = validate(raw, options);
		for (const message of problems) result.errors.push({ where, message });
		if (!decision) continue;
		if (decision.sourceUri && seenUris.has(decision.sourceUri)) {
			result.skipped.push({ where, message: `appears twice in the file (${decision.sourceUri})` });
			continue;
		}
		seenUris.add(decision.sourceUri);
		// Two decisions with the same title get distinct addresses.
		let slug = decision.slug;
		for (let n = 2; slugs.has(slug); n++) slug = `${decision.slug}-${n}`;
		slugs.add(slug);
		result.decisions.push({ where, decision: { ...decision, slug } });
	}
	return result;
}

// ---------------------------------------------------------------- CSV

/** RFC 4180 CSV: quoted cells may hold the separator, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
	const source = text.replace(/^\uFEFF/, '');
	const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
	// Belgian spreadsheets write semicolons; a header tells which one is used.
	const separator =
		(firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < source.length; i++) {
		const char = source[i];
		if (quoted) {
			if (char === '"' && source[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"' && cell === '') quoted = true;
		else if (char === separator) {
			row.push(cell);
			cell = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && source[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += char;
	}
	if (quoted)
		throw new ImportFileError('The CSV file ends inside a quoted cell: a closing " is missing.');
	if (cell !== '' || row.length) {
		row.push(cell);
		rows.push(row);
	}
	return rows.filter((cells) => cells.some((value) => value.trim() !== ''));
}

/** Column names as the linked-data exports write them, and the aliases we accept. */
const CSV_COLUMNS: Record<keyof Raw, string[]> = {
	sourceUri: ['besluit', 'uri', 'id', '@id'],
	title: ['titel', 'title', 'eli:title'],
	shortTitle: ['korte_titel', 'kortetitel', 'citeeropschrift', 'title_short', 'eli:title_short'],
	description: ['beschrijving', 'description', 'eli:description'],
	content: ['inhoud', 'content', 'prov:value'],
	motivation: ['motivering', 'motivation', 'besluit:motivering'],
	summary: ['samenvatting', 'summary'],
	bodyLabel: ['bestuursorgaan', 'orgaan', 'body', 'eli:passed_by'],
	districtLabel: ['district'],
	sessionDate: ['zitting_datum', 'zittingsdatum', 'zitting', 'geplande_start', 'session_date'],
	publicationDate: ['publicatiedatum', 'date_publication', 'eli:date_publication'],
	inForceFrom: ['inwerkingtreding', 'first_date_entry_in_force'],
	inForceUntil: ['buitenwerkingtreding', 'date_no_longer_in_force'],
	articles: ['artikels', 'artikelen', 'articles'],
	themes: ['themas', "thema's", 'thema', 'themes'],
	wkt: ['locatie', 'location', 'geometrie', 'geometry', 'wkt', 'locn:geometry'],
	latitude: ['lat', 'latitude', 'breedtegraad'],
	longitude: ['lon', 'lng', 'long', 'longitude', 'lengtegraad']
};

export function parseDecisionsCsv(text: string, options: { defaultBody?: Body } = {}): ParseResult {
	const rows = parseCsv(text);
	if (rows.length === 0) throw new ImportFileError('The CSV file is empty.');
	const header = rows[0].map((name) => name.trim().toLowerCase().replace(/\s+/g, '_'));
	const index = {} as Record<keyof Raw, number>;
	for (const [field, names] of Object.entries(CSV_COLUMNS) as [keyof Raw, string[]][]) {
		index[field] = header.findIndex((name) => names.includes(name));
	}
	if (index.title < 0) {
		throw new ImportFileError(
			`The CSV file has no column "titel": its first row must name the columns (found: ${rows[0].join(', ')}).`
		);
	}
	const entries = rows.slice(1).map((cells, rowIndex) => {
		const cell = (field: keyof Raw) => (index[field] >= 0 ? (cells[index[field]] ?? '') : '');
		const where = `row ${rowIndex + 2}${cell('sourceUri') ? ` (${cell('sourceUri')})` : ''}`;
		if (cells.length !== header.length) {
			return { where, width: cells.length, raw: undefined };
		}
		const raw: Raw = {
			sourceUri: cell('sourceUri').trim(),
			title: cell('title'),
			shortTitle: cell('shortTitle'),
			description: cell('description'),
			content: cell('content'),
			motivation: cell('motivation'),
			summary: cell('summary'),
			bodyLabel: cell('bodyLabel').trim(),
			districtLabel: cell('districtLabel').trim(),
			sessionDate: cell('sessionDate'),
			publicationDate: cell('publicationDate'),
			inForceFrom: cell('inForceFrom'),
			inForceUntil: cell('inForceUntil'),
			articles: parseArticles(cell('articles')),
			themes: cell('themes')
				.split(/[,;|]/)
				.map((theme) => theme.trim())
				.filter(Boolean),
			wkt: cell('wkt'),
			latitude: cell('latitude'),
			longitude: cell('longitude')
		};
		return { where, width: cells.length, raw };
	});
	const result = collect(
		entries.filter((entry) => entry.raw).map((entry) => ({ where: entry.where, raw: entry.raw! })),
		options
	);
	for (const entry of entries.filter((candidate) => !candidate.raw)) {
		result.errors.push({
			where: entry.where,
			message: `has ${entry.width} cells where the header has ${header.length}`
		});
	}
	return result;
}

// ---------------------------------------------------------------- JSON-LD

type Node = Record<string, unknown>;

/**
 * Just enough of JSON-LD expansion for these exports: prefixes and term
 * definitions from @context (inline objects, not remote contexts), full IRIs,
 * @graph, @id references and @reverse. A JSON-LD processor (the `jsonld`
 * package) would handle every form; this covers what the Flemish exports use.
 */
class Graph {
	private nodes = new Map<string, Node>();
	private context: Record<string, string> = {};
	readonly roots: Node[] = [];

	constructor(document: unknown) {
		const top = Array.isArray(document) ? document : [document];
		for (const item of top) {
			if (!item || typeof item !== 'object') {
				throw new ImportFileError('The JSON-LD file holds something other than objects.');
			}
			const node = item as Node;
			this.readContext(node['@context']);
			const graph = node['@graph'];
			if (Array.isArray(graph)) this.roots.push(...(graph as Node[]));
			else if (graph !== undefined) throw new ImportFileError('@graph must be a list of objects.');
			else this.roots.push(node);
		}
		for (const root of this.roots) this.index(root);
	}

	private readContext(context: unknown) {
		for (const part of [context].flat()) {
			if (part === undefined || part === null) continue;
			if (typeof part === 'string') {
				throw new ImportFileError(
					`The JSON-LD file uses a remote @context (${part}); save it with the context written out.`
				);
			}
			for (const [term, definition] of Object.entries(part as Record<string, unknown>)) {
				if (typeof definition === 'string') this.context[term] = definition;
				else if (definition && typeof definition === 'object' && '@id' in definition)
					this.context[term] = String((definition as { '@id': string })['@id']);
			}
		}
	}

	private index(node: unknown) {
		if (Array.isArray(node)) return node.forEach((item) => this.index(item));
		if (!node || typeof node !== 'object') return;
		const record = node as Node;
		if (typeof record['@id'] === 'string' && Object.keys(record).length > 1) {
			this.nodes.set(this.expand(record['@id'] as string), record);
		}
		for (const [key, value] of Object.entries(record)) if (key !== '@context') this.index(value);
	}

	expand(name: string): string {
		if (name in this.context) return this.expand(this.context[name]);
		const colon = name.indexOf(':');
		if (colon > 0) {
			const prefix = name.slice(0, colon);
			if (prefix in this.context && !name.startsWith(`${prefix}://`))
				return this.context[prefix] + name.slice(colon + 1);
		}
		return name;
	}

	/** A reference { "@id": … } replaced by the full node when the file has it. */
	resolve(value: unknown): unknown {
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			const id = (value as Node)['@id'];
			if (typeof id === 'string' && Object.keys(value).length === 1)
				return this.nodes.get(this.expand(id)) ?? value;
		}
		if (typeof value === 'string' && this.nodes.has(this.expand(value)))
			return this.nodes.get(this.expand(value));
		return value;
	}

	types(node: Node): string[] {
		return [node['@type'] ?? []].flat().map((type) => this.expand(String(type)));
	}

	values(node: Node, iri: string): unknown[] {
		const found: unknown[] = [];
		for (const [key, value] of Object.entries(node)) {
			if (key.startsWith('@')) continue;
			if (this.expand(key) === iri) found.push(...[value].flat().map((item) => this.resolve(item)));
		}
		return found;
	}

	/** A literal in Dutch when the file gives languages, else the first. */
	text(node: Node, iri: string): string {
		const values = this.values(node, iri);
		const literal = (value: unknown): [string, string] | undefined => {
			if (typeof value === 'string' || typeof value === 'number') return [String(value), ''];
			if (value && typeof value === 'object' && '@value' in value) {
				const object = value as { '@value': unknown; '@language'?: string };
				return [String(object['@value']), object['@language'] ?? ''];
			}
			return undefined;
		};
		const literals = values.map(literal).filter((value): value is [string, string] => !!value);
		return (literals.find(([, language]) => language.startsWith('nl')) ?? literals[0])?.[0] ?? '';
	}

	label(value: unknown): string {
		if (typeof value === 'string') return value;
		if (!value || typeof value !== 'object') return '';
		const node = value as Node;
		return (
			this.text(node, `${SKOS}prefLabel`) ||
			this.text(node, `${SKOS}altLabel`) ||
			this.text(node, 'http://www.w3.org/2000/01/rdf-schema#label') ||
			String(node['@id'] ?? '')
		);
	}

	/** Nodes reachable from a node (including @reverse links), breadth first. */
	around(start: Node, depth = 4): Node[] {
		const seen = new Set<Node>([start]);
		let layer = [start];
		for (let level = 0; level < depth; level++) {
			const next: Node[] = [];
			for (const node of layer) {
				const linked = Object.entries(node).flatMap(([key, value]) =>
					key === '@reverse'
						? Object.values(value as Node).flat()
						: key.startsWith('@')
							? []
							: [value].flat()
				);
				// Nodes elsewhere in the graph that point at this one.
				const id = typeof node['@id'] === 'string' ? this.expand(node['@id'] as string) : '';
				if (id) {
					for (const other of this.nodes.values()) {
						if (
							Object.entries(other).some(
								([key, value]) =>
									!key.startsWith('@') &&
									[value]
										.flat()
										.some(
											(item) =>
												(typeof item === 'object' &&
													item &&
													this.expand(String((item as Node)['@id'] ?? '')) === id) ||
												(typeof item === 'string' && this.expand(item) === id)
										)
							)
						)
							linked.push(other);
					}
				}
				for (const item of linked.map((candidate) => this.resolve(candidate))) {
					if (item && typeof item === 'object' && !Array.isArray(item) && !seen.has(item as Node)) {
						seen.add(item as Node);
						next.push(item as Node);
					}
				}
			}
			layer = next;
		}
		return [...seen].slice(1);
	}
}

/**
 * Where a decision applies: the district named by dct:spatial, and a point from
 * dct:spatial or prov:atLocation, given as locn:geometry (a WKT literal or a
 * geometry with geo:asWKT), geo:asWKT itself, or wgs84 lat/long.
 */
function placeOf(graph: Graph, node: Node) {
	const found = { districtLabel: '', wkt: '', latitude: '', longitude: '' };
	const literal = (value: unknown): string => {
		if (typeof value === 'string') return value;
		if (value && typeof value === 'object' && '@value' in value)
			return String((value as { '@value': unknown })['@value']);
		if (value && typeof value === 'object') return graph.text(value as Node, `${GEOSPARQL}asWKT`);
		return '';
	};
	const places = [
		...graph.values(node, `${DCT}spatial`).map((place) => ({ place, spatial: true })),
		...graph.values(node, `${PROV}atLocation`).map((place) => ({ place, spatial: false }))
	];
	for (const { place, spatial } of places) {
		if (typeof place === 'string') {
			if (spatial && !found.districtLabel) found.districtLabel = place;
			continue;
		}
		if (!place || typeof place !== 'object') continue;
		const here = place as Node;
		const wkt =
			graph.text(here, `${GEOSPARQL}asWKT`) || literal(graph.values(here, `${LOCN}geometry`)[0]);
		const latitude = graph.text(here, `${WGS84}lat`);
		const longitude = graph.text(here, `${WGS84}long`);
		const hasPoint = !!(wkt || latitude || longitude);
		if (hasPoint && !found.wkt && !found.latitude && !found.longitude)
			Object.assign(found, { wkt, latitude, longitude });
		// A place that is only a point names no district; one with a name (or only an address) may.
		const name =
			graph.text(here, `${SKOS}prefLabel`) ||
			graph.text(here, `${SKOS}altLabel`) ||
			graph.text(here, 'http://www.w3.org/2000/01/rdf-schema#label');
		if (spatial && !found.districtLabel && (name || !hasPoint))
			found.districtLabel = name || graph.label(here);
	}
	return found;
}

export function parseDecisionsJsonLd(
	text: string,
	options: { defaultBody?: Body } = {}
): ParseResult {
	let document: unknown;
	try {
		document = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		throw new ImportFileError(`The file is not valid JSON: ${(error as Error).message}.`);
	}
	const graph = new Graph(document);
	const besluiten = graph.roots.filter((node) => graph.types(node).includes(`${BESLUIT}Besluit`));
	const skipped: Problem[] = [];
	if (besluiten.length === 0) {
		throw new ImportFileError(
			'The file holds no decision: no object has "@type": "besluit:Besluit" (http://data.vlaanderen.be/ns/besluit#Besluit).'
		);
	}
	const entries = besluiten.map((node, index) => {
		const id = typeof node['@id'] === 'string' ? graph.expand(node['@id']) : '';
		const where = `decision ${index + 1}${id ? ` (${id})` : ''}`;
		const around = graph.around(node);
		const zitting = around.find((candidate) =>
			graph.types(candidate).includes(`${BESLUIT}Zitting`)
		);
		const organ =
			graph.values(node, `${ELI}passed_by`)[0] ??
			(zitting ? graph.values(zitting, `${BESLUIT}isGehoudenDoor`)[0] : undefined);
		const place = placeOf(graph, node);
		const articles = graph
			.values(node, `${ELI}has_part`)
			.filter((part): part is Node => !!part && typeof part === 'object')
			.map((part, partIndex) => ({
				number: graph.text(part, `${ELI}number`) || String(partIndex + 1),
				text: graph.text(part, `${PROV}value`)
			}))
			.filter((article) => article.text);
		const raw: Raw = {
			sourceUri: id.startsWith('_:') ? '' : id,
			title: graph.text(node, `${ELI}title`),
			shortTitle: graph.text(node, `${ELI}title_short`),
			description: graph.text(node, `${ELI}description`),
			content: graph.text(node, `${PROV}value`),
			motivation: graph.text(node, `${BESLUIT}motivering`),
			summary: graph.text(node, `${SCHEMA}abstract`),
			bodyLabel: graph.label(graph.resolve(organ)),
			districtLabel: place.districtLabel,
			sessionDate: zitting
				? graph.text(zitting, `${BESLUIT}geplandeStart`) ||
					graph.text(zitting, `${PROV}startedAtTime`)
				: '',
			publicationDate: graph.text(node, `${ELI}date_publication`),
			inForceFrom: graph.text(node, `${ELI}first_date_entry_in_force`),
			inForceUntil: graph.text(node, `${ELI}date_no_longer_in_force`),
			articles,
			themes: graph
				.values(node, `${DCT}subject`)
				.map((value) => graph.label(value))
				.filter(Boolean),
			wkt: place.wkt,
			latitude: place.latitude,
			longitude: place.longitude
		};
		return { where, raw };
	});
	return collect(entries, options, skipped);
}

export function parseDecisionsFile(
	name: string,
	text: string,
	options: { defaultBody?: Body } = {}
): ParseResult {
	if (/\.csv$/i.test(name)) return parseDecisionsCsv(text, options);
	if (/\.(jsonld|json)$/i.test(name)) return parseDecisionsJsonLd(text, options);
	throw new ImportFileError(
		`Cannot tell the format of ${name}: name it .jsonld or .json (JSON-LD) or .csv.`
	);
}

// ---------------------------------------------------------------- writing

export interface ImportReport {
	imported: { where: string; slug: string }[];
	skipped: Problem[];
	errors: Problem[];
}

function quote(value: string): string {
	return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Writes the parsed decisions, all in one server-side transaction. `pb` must be
 * a superuser. Decisions already in the database (same source URI) are
 * skipped; a slug that is taken gets a number. With `publish`, decisions need a
 * summary, a text and a motivation (as the server does), and residents are not
 * mailed about them (they are history, not news); without it they arrive as
 * drafts, mailed when an editor publishes them.
 */
export async function importDecisions(
	pb: PocketBase,
	parsed: ParseResult,
	options: { publish?: boolean; dryRun?: boolean; skipInvalid?: boolean } = {}
): Promise<ImportReport> {
	const report: ImportReport = {
		imported: [],
		skipped: [...parsed.skipped],
		errors: [...parsed.errors]
	};
	let candidates = parsed.decisions;
	if (options.publish) {
		// What the server requires of a published decision, said per decision before anything is written.
		const required: [keyof DecisionInput, string][] = [
			['summary', 'plain-language summary (samenvatting)'],
			['content', 'decided text (inhoud)'],
			['motivation', 'motivation (motivering)']
		];
		const publishable = candidates.filter(({ where, decision }) => {
			const missing = required.filter(([field]) => !decision[field]);
			for (const [, name] of missing)
				report.errors.push({ where, message: `has no ${name}, so it cannot be published` });
			return missing.length === 0;
		});
		candidates = publishable;
	}
	if (report.errors.length && !options.skipInvalid) return report;
	if (options.skipInvalid) {
		const wrong = new Set(report.errors.map((problem) => problem.where));
		candidates = candidates.filter(({ where }) => !wrong.has(where));
		report.skipped.push(...report.errors.map((problem) => ({ ...problem })));
		report.errors = [];
	}

	const toWrite: { where: string; decision: DecisionInput }[] = [];
	const takenSlugs = new Set<string>();
	for (const candidate of candidates) {
		const { decision } = candidate;
		if (decision.sourceUri) {
			const existing = await pb
				.collection('decisions')
				.getList(1, 1, { filter: `sourceUri = ${quote(decision.sourceUri)}`, fields: 'slug' });
			if (existing.items.length) {
				report.skipped.push({
					where: candidate.where,
					message: `already imported as /beslissingen/${existing.items[0].slug}`
				});
				continue;
			}
		}
		let slug = decision.slug;
		for (let n = 2; ; n++) {
			const clash =
				takenSlugs.has(slug) ||
				(
					await pb
						.collection('decisions')
						.getList(1, 1, { filter: `slug = ${quote(slug)}`, fields: 'id' })
				).items.length > 0;
			if (!clash) break;
			slug = `${decision.slug}-${n}`;
		}
		takenSlugs.add(slug);
		toWrite.push({ where: candidate.where, decision: { ...decision, slug } });
	}
	if (options.dryRun) {
		report.imported = toWrite.map(({ where, decision }) => ({ where, slug: decision.slug }));
		return report;
	}

	// One request, one transaction on the server (pocketbase/pb_hooks/lib/decisions-import.js):
	// if any decision is refused, or the connection breaks, nothing of the import is kept.
	if (toWrite.length) {
		try {
			await pb.send('/api/stadsstem/decisions/import', {
				method: 'POST',
				body: { decisions: toWrite, publish: !!options.publish }
			});
		} catch (error) {
			const message =
				(error as { response?: { message?: string } }).response?.message ||
				`The server did not answer (${(error as Error).message}). The import is one transaction: it was kept whole or not at all. Run it again; what is there already is skipped.`;
			throw new ImportFileError(message);
		}
	}
	report.imported = toWrite.map(({ where, decision }) => ({ where, slug: decision.slug }));
	return report;
}

export function formatReport(
	report: ImportReport,
	options: { publish?: boolean; dryRun?: boolean }
): string {
	const lines: string[] = [];
	if (report.errors.length) {
		lines.push(`Nothing imported: ${report.errors.length} problem(s) to fix first.`);
		for (const problem of report.errors) lines.push(`  ${problem.where}: ${problem.message}`);
	} else {
		const state = options.publish ? 'published' : 'drafts';
		lines.push(
			`${options.dryRun ? 'Would import' : 'Imported'} ${report.imported.length} decision(s) as ${state}.`
		);
		for (const item of report.imported) lines.push(`  ${item.where} → /beslissingen/${item.slug}`);
	}
	if (report.skipped.length) {
		lines.push(`Skipped ${report.skipped.length}:`);
		for (const problem of report.skipped) lines.push(`  ${problem.where}: ${problem.message}`);
	}
	return `${lines.join('\n')}\n`;
}
