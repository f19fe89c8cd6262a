// Each published decision's JSON-LD parses as JSON-LD (a real processor turns
// it into RDF, in safe mode so no term is silently dropped) and carries the
// OSLO Besluit / ELI statements a linked-data consumer needs.
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { anonymous } from './clients.ts';

const BESLUIT = 'http://data.vlaanderen.be/ns/besluit#';
const ELI = 'http://data.europa.eu/eli/ontology#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD_DATE = 'http://www.w3.org/2001/XMLSchema#date';

describe('decisions as JSON-LD', () => {
	it('every published decision converts to RDF with the required OSLO Besluit statements', async () => {
		const pb = anonymous();
		const decisions = await pb
			.collection('decisions')
			.getFullList({ filter: "status = 'published'" });
		expect(decisions.length).toBeGreaterThanOrEqual(3);
		for (const decision of decisions) {
			const response = await fetch(`${pb.baseURL}/api/stadsstem/decisions/${decision.slug}.jsonld`);
			expect(response.headers.get('content-type')).toContain('application/ld+json');
			const doc = await response.json();
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
});
