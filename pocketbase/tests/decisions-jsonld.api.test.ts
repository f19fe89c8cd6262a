// Each published decision's JSON-LD parses as JSON-LD (a real processor turns
// it into RDF, in safe mode so no term is silently dropped) and carries the
// OSLO Besluit / ELI statements a linked-data consumer needs.
import jsonld from 'jsonld';
import type { RecordModel } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import { anonymous, staff } from './clients.ts';

const BESLUIT = 'http://data.vlaanderen.be/ns/besluit#';
const ELI = 'http://data.europa.eu/eli/ontology#';
const PROV = 'http://www.w3.org/ns/prov#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD_DATE = 'http://www.w3.org/2001/XMLSchema#date';
// The EU language authority's codes for the languages a decision can be in.
const LANGUAGES: Record<string, string> = {
	nl: 'http://publications.europa.eu/resource/authority/language/NLD',
	fr: 'http://publications.europa.eu/resource/authority/language/FRA',
	en: 'http://publications.europa.eu/resource/authority/language/ENG'
};

type Expanded = Record<string, unknown[]> & { '@id': string; '@type': string[] };
type Literal = { '@value': string; '@type'?: string; '@language'?: string };

async function jsonldOf(pb: ReturnType<typeof anonymous>, slug: string) {
	const response = await fetch(`${pb.baseURL}/api/stadsstem/decisions/${slug}.jsonld`);
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toContain('application/ld+json');
	return response.json();
}

/**
 * The statements the OSLO Besluit publication profile requires of a besluit:Besluit
 * (its SHACL shape: eli:title, prov:value (inhoud), eli:language and
 * besluit:motivering at least once; eli:description, eli:date_publication at
 * most once; every eli:has_part a besluit:Artikel), plus eli:passed_by (DESIGN.md
 * §5: the deciding body), checked on the expanded document, where every
 * prefix and @context term is resolved to its full IRI.
 */
function expectOsloBesluit(node: Expanded, decision: RecordModel) {
	const values = (iri: string) => (node[iri] ?? []) as Literal[];
	const where = decision.slug;
	expect(node['@type'], where).toContain(`${BESLUIT}Besluit`);
	expect(values(`${ELI}title`), where).toEqual([{ '@value': decision.title }]);
	const language = decision.language || 'nl';
	expect(values(`${ELI}language`), where).toEqual([{ '@id': LANGUAGES[language] }]);
	expect(values(`${ELI}date_publication`), where).toEqual([
		{ '@value': decision.publicationDate.slice(0, 10), '@type': XSD_DATE }
	]);
	expect(values(`${PROV}value`), where).toEqual([{ '@value': decision.content }]);
	expect(values(`${BESLUIT}motivering`), where).toEqual([
		{ '@value': decision.motivation, '@language': language }
	]);
	expect(values(`${ELI}description`), where).toEqual(
		decision.description ? [{ '@value': decision.description }] : []
	);
	const [organ] = values(`${ELI}passed_by`) as unknown as Expanded[];
	expect(organ['@type'], where).toEqual([`${BESLUIT}Bestuursorgaan`]);
	expect(organ['@id'], where).toMatch(/^https?:\/\//);
	const articles = values(`${ELI}has_part`) as unknown as Expanded[];
	expect(articles.length, where).toBe((decision.articles ?? []).length);
	articles.forEach((article, index) => {
		const expected = decision.articles[index];
		expect(article['@type']).toEqual([`${BESLUIT}Artikel`]);
		expect(article[`${ELI}number`]).toEqual([{ '@value': String(expected.number) }]);
		expect(article[`${PROV}value`]).toEqual([{ '@value': expected.text }]);
	});
}

describe('decisions as JSON-LD', () => {
	it('every published decision converts to RDF with the required OSLO Besluit statements', async () => {
		const pb = anonymous();
		const decisions = await pb
			.collection('decisions')
			.getFullList({ filter: "status = 'published'" });
		expect(decisions.length).toBeGreaterThanOrEqual(3);
		for (const decision of decisions) {
			const doc = await jsonldOf(pb, decision.slug);
			// safe: true makes the processor fail on anything it would otherwise drop.
			// @types/jsonld lags jsonld 9: it knows neither `safe` nor the format's string result.
			const options = {
				format: 'application/n-quads',
				safe: true
			} as unknown as jsonld.Options.ToRdf;
			const nquads = (await jsonld.toRDF(doc, options)) as unknown as string;
			const subject = `<${doc['@id']}>`;
			const has = (predicate: string, object?: string) =>
				nquads
					.split('\n')
					.some((line) => line.startsWith(`${subject} <${predicate}> ${object ?? ''}`));
			expect(has(RDF_TYPE, `<${BESLUIT}Besluit>`), `${decision.slug} is a besluit:Besluit`).toBe(
				true
			);
			expect(has(`${ELI}title`), `${decision.slug} has eli:title`).toBe(true);
			expect(has(`${ELI}passed_by`), `${decision.slug} has eli:passed_by`).toBe(true);
			expect(nquads).toContain(`^^<${XSD_DATE}>`);
			expect(nquads).toContain(decision.title.replace(/"/g, '\\"'));
		}
	});

	it('every published decision has every statement the OSLO Besluit profile requires, expanded', async () => {
		const pb = anonymous();
		const decisions = await pb
			.collection('decisions')
			.getFullList({ filter: "status = 'published'" });
		// Publishing needs a text and a motivation (the profile requires both), so none lacks them.
		expect(decisions.length).toBeGreaterThanOrEqual(3);
		for (const decision of decisions) {
			const [node] = (await jsonld.expand(await jsonldOf(pb, decision.slug), {
				safe: true
			} as jsonld.Options.Expand)) as Expanded[];
			expectOsloBesluit(node, decision);
		}
	});

	it('a decision with every field filled has every OSLO statement, with the right values', async () => {
		const editor = await staff('editor');
		const slug = `oslo-${Date.now().toString(36)}`;
		const decision = await editor.collection('decisions').create({
			slug,
			title: 'Reglement op de terrassen',
			shortTitle: 'Terrassenreglement',
			description: 'Regels voor terrassen op het openbaar domein.',
			content: 'De gemeenteraad keurt het terrassenreglement goed.',
			motivation: 'Terrassen moeten ruimte laten voor voetgangers en rolstoelen.',
			summary: 'Een terras laat altijd 1,5 meter vrij op de stoep.',
			body: 'districtsraad',
			district: 'berchem',
			status: 'published',
			language: 'nl',
			sessionDate: '2026-09-14',
			publicationDate: '2026-09-21',
			inForceFrom: '2026-10-01',
			articles: [
				{ number: '1', text: 'Een terras laat 1,5 meter vrij.' },
				{ number: '2bis', text: 'Het terras sluit om 23 uur.' }
			]
		});
		const [node] = (await jsonld.expand(await jsonldOf(anonymous(), slug), {
			safe: true
		} as jsonld.Options.Expand)) as Expanded[];
		expectOsloBesluit(node, decision);
		expect(node[`${ELI}title_short`]).toEqual([{ '@value': 'Terrassenreglement' }]);
		expect(node[`${ELI}first_date_entry_in_force`]).toEqual([
			{ '@value': '2026-10-01', '@type': XSD_DATE }
		]);
	});
});
