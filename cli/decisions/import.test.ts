// The reading and checking half of `stadsstem decisions import`, on small
// files in the shapes Flemish local governments publish.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	ImportFileError,
	parseArticles,
	parseCsv,
	parseDecisionsFile,
	slugify,
	toDay,
	toLocation
} from './import.ts';

const fixture = (name: string) =>
	readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const parse = (name: string, options = {}) => parseDecisionsFile(name, fixture(name), options);

describe('JSON-LD export (OSLO Besluit)', () => {
	it('reads every besluit:Besluit with its body, session, dates and articles', () => {
		const { decisions, errors, skipped } = parse('besluiten.jsonld');
		expect(errors).toEqual([]);
		expect(skipped).toEqual([]);
		expect(decisions.map(({ decision }) => decision.sourceUri)).toEqual([
			'https://besluiten.example.be/id/besluiten/2026-0512',
			'https://besluiten.example.be/id/besluiten/2026-hob-07'
		]);
		const [parking, playground] = decisions.map(({ decision }) => decision);
		expect(parking).toMatchObject({
			// A term from @context, and Dutch chosen among languages.
			title: 'Wijziging van het reglement op de parkeertarieven',
			shortTitle: 'Parkeertarieven 2027',
			slug: 'parkeertarieven-2027',
			body: 'gemeenteraad',
			district: '',
			// The session is found through the agenda item the session treated.
			sessionDate: '2026-05-18',
			publicationDate: '2026-05-25',
			inForceFrom: '2027-01-01',
			themes: ['mobiliteit', 'parkeren'],
			motivation: 'De tarieven zijn sinds 2019 niet aangepast.'
		});
		// An article given by reference is looked up in the graph.
		expect(parking.articles).toEqual([
			{ number: '1', text: 'Een eerste bewonerskaart kost 40 euro per jaar.' },
			{ number: '2', text: 'Een tweede bewonerskaart kost 200 euro per jaar.' }
		]);
		// Full IRIs instead of prefixes work too; the district comes from the body's name.
		expect(playground).toMatchObject({
			title: 'Aanleg van een speelplein in het Broydenborgpark',
			body: 'districtsraad',
			district: 'hoboken',
			sessionDate: ''
		});
	});

	it('refuses a file that is not JSON, naming the problem', () => {
		expect(() => parse('kapot.jsonld')).toThrow(ImportFileError);
		expect(() => parse('kapot.jsonld')).toThrow(/not valid JSON/);
	});

	it('refuses a file without any decision', () => {
		expect(() => parse('geen-besluit.jsonld')).toThrow(/no decision/);
	});

	it('refuses a remote @context it cannot read offline', () => {
		expect(() =>
			parseDecisionsFile(
				'x.jsonld',
				JSON.stringify({ '@context': 'https://example.org/context.jsonld', '@type': 'Besluit' })
			)
		).toThrow(/remote @context/);
	});
});

describe('CSV export', () => {
	it('reads semicolon CSV with quoted cells, line breaks and Belgian dates', () => {
		const { decisions, errors } = parse('besluiten.csv');
		expect(errors).toEqual([]);
		const [fee, cooperation] = decisions.map(({ decision }) => decision);
		expect(fee).toMatchObject({
			title: 'Retributiereglement voor het gebruik van het openbaar domein',
			body: 'gemeenteraad',
			sessionDate: '2026-06-22',
			inForceFrom: '2026-07-01',
			motivation: 'Het reglement wordt vereenvoudigd; de tarieven blijven gelijk.',
			themes: ['economie', 'openbaar-domein'],
			summary: 'Een terras of stelling op de stoep? Je betaalt per maand.'
		});
		expect(fee.articles).toEqual([
			{ number: '1', text: 'Dit reglement geldt voor terrassen en stellingen.' },
			{ number: '2', text: 'De retributie wordt per maand berekend.' }
		]);
		expect(cooperation).toMatchObject({
			title: 'Goedkeuring van de samenwerking met "Buurtwerk Deurne"',
			body: 'districtscollege',
			district: 'deurne',
			sessionDate: '2026-06-15',
			publicationDate: '2026-06-22'
		});
	});

	it('lists every wrong row with the reason, and keeps the good ones apart', () => {
		const { decisions, errors } = parse('fouten.csv');
		expect(decisions.map(({ decision }) => decision.title)).toEqual(['Een goed besluit']);
		const byRow = (row: number) =>
			errors.filter((problem) => problem.where.startsWith(`row ${row} `)).map((p) => p.message);
		expect(byRow(3)).toEqual([expect.stringMatching(/no title/)]);
		expect(byRow(4)).toEqual([expect.stringMatching(/sessionDate "2026-02-30" is not a date/)]);
		expect(byRow(5)).toEqual([expect.stringMatching(/Provincieraad Antwerpen/)]);
		expect(byRow(6)).toEqual([expect.stringMatching(/has 3 cells where the header has 7/)]);
		expect(byRow(7)).toEqual([expect.stringMatching(/in force until a day before/)]);
	});

	it('a default body fills in where the file names none it knows', () => {
		const { errors } = parse('fouten.csv', { defaultBody: 'gemeenteraad' });
		expect(errors.some((problem) => problem.message.includes('Provincieraad'))).toBe(false);
	});

	it('refuses a CSV without a title column or with an open quote', () => {
		expect(() => parse('geen-titelkolom.csv')).toThrow(/no column "titel"/);
		expect(() => parseCsv('titel\n"niet gesloten')).toThrow(/closing " is missing/);
	});
});

describe('small rules', () => {
	it('accepts real dates only', () => {
		expect(toDay('2026-05-18T19:00:00+02:00')).toBe('2026-05-18');
		expect(toDay('1/2/2027')).toBe('2027-02-01');
		expect(toDay('2026-02-29')).toBeUndefined();
		expect(toDay('morgen')).toBeUndefined();
	});

	it('makes readable addresses', () => {
		expect(slugify('Straatnaam: Zusters Annonciadenplein (Borgerhout)')).toBe(
			'straatnaam-zusters-annonciadenplein-borgerhout'
		);
		expect(slugify('Rénovation de l’église')).toBe('renovation-de-l-eglise');
	});

	it('splits articles written in several ways', () => {
		expect(parseArticles('1: Eerste. | 2: Tweede.')).toEqual([
			{ number: '1', text: 'Eerste.' },
			{ number: '2', text: 'Tweede.' }
		]);
		expect(parseArticles('Art. 3bis. Derde.')).toEqual([{ number: '3bis', text: 'Derde.' }]);
	});

	it('numbers two decisions with the same title apart', () => {
		const csv =
			'titel;bestuursorgaan;publicatiedatum\nZelfde;Gemeenteraad;2026-01-01\nZelfde;Gemeenteraad;2026-01-02\n';
		expect(parseDecisionsFile('x.csv', csv).decisions.map(({ decision }) => decision.slug)).toEqual(
			['zelfde', 'zelfde-2']
		);
	});

	it('reads a point in WGS84 from WKT or from a latitude and a longitude', () => {
		expect(toLocation('POINT(4.4721 51.2305)', '', '')).toEqual({ lat: 51.2305, lon: 4.4721 });
		expect(
			toLocation('<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POINT (4.4 51.2)', '', '')
		).toEqual({ lat: 51.2, lon: 4.4 });
		expect(toLocation('', '51,2158', '4,4393')).toEqual({ lat: 51.2158, lon: 4.4393 });
		expect(toLocation('', '', '')).toBeNull();
		// Lambert 72 coordinates, a line, a latitude without longitude: not a point we can place.
		expect(
			toLocation('<http://www.opengis.net/def/crs/EPSG/0/31370> POINT(152000 212000)', '', '')
		).toBeUndefined();
		expect(toLocation('LINESTRING(4.4 51.2, 4.5 51.3)', '', '')).toBeUndefined();
		expect(toLocation('', '51.2', '')).toBeUndefined();
		expect(toLocation('POINT(200 100)', '', '')).toBeUndefined();
	});
});

describe('location', () => {
	const besluit = (extra: Record<string, unknown>) =>
		JSON.stringify({
			'@context': {
				besluit: 'http://data.vlaanderen.be/ns/besluit#',
				eli: 'http://data.europa.eu/eli/ontology#',
				dct: 'http://purl.org/dc/terms/',
				locn: 'http://www.w3.org/ns/locn#',
				geo: 'http://www.opengis.net/ont/geosparql#',
				skos: 'http://www.w3.org/2004/02/skos/core#'
			},
			'@id': 'https://besluiten.example.be/id/besluiten/plein',
			'@type': 'besluit:Besluit',
			'eli:title': 'Heraanleg van het plein',
			'eli:passed_by': { 'skos:prefLabel': 'Districtsraad Borgerhout' },
			'eli:date_publication': '2026-05-01',
			...extra
		});

	it('reads dct:spatial with a locn:geometry, beside the district it names', () => {
		const { decisions, errors } = parseDecisionsFile(
			'x.jsonld',
			besluit({
				'dct:spatial': [
					{ 'skos:prefLabel': 'Borgerhout' },
					{ 'locn:geometry': { 'geo:asWKT': 'POINT(4.4393 51.2158)' } }
				]
			})
		);
		expect(errors).toEqual([]);
		expect(decisions[0].decision).toMatchObject({
			district: 'borgerhout',
			location: { lat: 51.2158, lon: 4.4393 }
		});
	});

	it('reads a locn:geometry written as a WKT literal, and says when it is no point', () => {
		const point = parseDecisionsFile(
			'x.jsonld',
			besluit({ 'dct:spatial': { 'locn:geometry': 'POINT(4.44 51.21)' } })
		);
		expect(point.decisions[0].decision.location).toEqual({ lat: 51.21, lon: 4.44 });
		expect(point.decisions[0].decision.district).toBe('borgerhout');
		const line = parseDecisionsFile(
			'x.jsonld',
			besluit({ 'dct:spatial': { 'locn:geometry': 'LINESTRING(4.4 51.2, 4.5 51.3)' } })
		);
		expect(line.errors.map((problem) => problem.message)).toEqual([
			expect.stringMatching(/location "LINESTRING.*" is not a point in WGS84/)
		]);
	});

	it('reads lat and lon columns of a CSV, and leaves the location empty without them', () => {
		const csv =
			'titel;bestuursorgaan;publicatiedatum;lat;lon\nPlein;Gemeenteraad;2026-01-01;51.2305;4.4721\nZonder plek;Gemeenteraad;2026-01-02;;\n';
		const { decisions, errors } = parseDecisionsFile('x.csv', csv);
		expect(errors).toEqual([]);
		expect(decisions.map(({ decision }) => decision.location)).toEqual([
			{ lat: 51.2305, lon: 4.4721 },
			null
		]);
	});
});
