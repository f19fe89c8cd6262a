// Loads the demo content that makes the personas' walks real. Idempotent by
// design: a record whose natural key (code, slug, email) exists is left as it
// is, so a second run never overwrites what staff changed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type PocketBase from 'pocketbase';
import { parse } from 'yaml';
import { closesAt, opensAt } from '../../surveys/dates.ts';
import {
	contentHash,
	findSurveyFiles,
	loadSurveys,
	type LoadedSurvey
} from '../../surveys/load.ts';
import { definitionFields, statusFor } from '../surveys/publish.ts';
import { DEMO_ID_PREFIX, demoJourneyEvents } from './demo-journeys.ts';

const DEMO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo');
export const DEMO_SURVEY_DIR = path.resolve(DEMO_DIR, '../../../surveys/demo');

export interface StaffAccount {
	email: string;
	name: string;
	role: 'handler' | 'editor' | 'admin';
	districts: string[];
}

/** The personas of PERSONAS.md who work for the city. */
export const DEMO_STAFF: StaffAccount[] = [
	{ email: 'els@stadsstem.local', name: 'Els Peeters', role: 'handler', districts: ['deurne'] },
	{ email: 'pieter@stadsstem.local', name: 'Pieter Janssens', role: 'editor', districts: [] },
	{ email: 'admin@stadsstem.local', name: 'Beheerder', role: 'admin', districts: [] }
];

export type SeedCounts = Record<string, { created: number; kept: number }>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A date of a survey file moved by whole days, in the form it had (bare date or date-time). */
function shiftDate(value: string, days: number): string {
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
		return new Date(Date.parse(`${value}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
	}
	return new Date(Date.parse(value) + days * DAY_MS).toISOString();
}

/**
 * The demo must work on any day, also long after the dates in its survey files
 * (without this, the demo and every test that answers a demo survey would break
 * the day after they close). A demo survey that is not open on `now` is moved
 * by whole days so that `now` falls in its middle: its length, and the time from
 * closing to results, stay as written. An open one is left as it is.
 */
export function keepDemoOpen(
	survey: LoadedSurvey,
	now: Date
): { survey: LoadedSurvey; days: number } {
	const { opens, closes, resultsAt } = survey.definition;
	if (!opens || !closes) return { survey, days: 0 };
	const time = now.getTime();
	if (time >= opensAt(opens) && time < closesAt(closes)) return { survey, days: 0 };
	const middle = (opensAt(opens) + closesAt(closes)) / 2;
	const days = Math.round((time - middle) / DAY_MS);
	const definition = {
		...survey.definition,
		opens: shiftDate(opens, days),
		closes: shiftDate(closes, days),
		...(resultsAt ? { resultsAt: shiftDate(resultsAt, days) } : {})
	};
	return { survey: { ...survey, definition, hash: contentHash(definition) }, days };
}

interface CategorySeed {
	code: string;
	[field: string]: unknown;
}
interface DecisionSeed {
	slug: string;
	relatedSurveys?: string[];
	relatedCategories?: string[];
	[field: string]: unknown;
}

function readYaml<T>(file: string): T {
	return parse(readFileSync(path.join(DEMO_DIR, file), 'utf8')) as T;
}

/** Escapes a value for a PocketBase filter string literal. */
function quote(value: string): string {
	return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

async function createMissing(
	pb: PocketBase,
	collection: string,
	key: string,
	value: string,
	record: () => Record<string, unknown>,
	counts: SeedCounts
): Promise<string> {
	const tally = (counts[collection] ??= { created: 0, kept: 0 });
	const existing = await pb
		.collection(collection)
		.getFirstListItem(`${key} = ${quote(value)}`, { fields: 'id' })
		.catch(() => null);
	if (existing) {
		tally.kept++;
		return existing.id;
	}
	const created = await pb.collection(collection).create(record());
	tally.created++;
	return created.id;
}

/**
 * Seeds categories, surveys, decisions and staff accounts. `pb` must be
 * authenticated as a superuser. Staff accounts get `staffPassword`.
 */
export async function seedDemoContent(
	pb: PocketBase,
	options: {
		staffPassword: string;
		now?: Date;
		/** Told what the seed changed on the way, e.g. demo survey dates moved to today. */
		report?: (message: string) => void;
	}
): Promise<SeedCounts> {
	const now = options.now ?? new Date();
	const counts: SeedCounts = {};

	const categoryIds = new Map<string, string>();
	for (const [index, category] of readYaml<CategorySeed[]>('categories.yaml').entries()) {
		const id = await createMissing(
			pb,
			'categories',
			'code',
			category.code,
			() => ({
				...category,
				sortOrder: index,
				active: true
			}),
			counts
		);
		categoryIds.set(category.code, id);
	}

	const surveyIds = new Map<string, string>();
	const { surveys, problems } = await loadSurveys(await findSurveyFiles(DEMO_SURVEY_DIR));
	if (problems.some((problem) => problem.severity === 'error')) {
		throw new Error(
			`The demo surveys do not validate: run \`stadsstem surveys validate ${DEMO_SURVEY_DIR}\`.`
		);
	}
	for (const loaded of surveys) {
		const { survey, days } = keepDemoOpen(loaded, now);
		const { definition } = survey;
		const id = await createMissing(
			pb,
			'surveys',
			'slug',
			definition.slug,
			() => {
				if (days !== 0) {
					options.report?.(
						`${definition.slug}: dates moved ${days} days so the demo survey is open now (${definition.opens} to ${definition.closes})`
					);
				}
				return { ...definitionFields(survey), version: 1, status: statusFor(survey, now) };
			},
			counts
		);
		surveyIds.set(definition.slug, id);
	}

	for (const decision of readYaml<DecisionSeed[]>('decisions.yaml')) {
		const { relatedSurveys = [], relatedCategories = [], ...fields } = decision;
		await createMissing(
			pb,
			'decisions',
			'slug',
			decision.slug,
			() => ({
				...fields,
				status: 'published',
				language: 'nl',
				relatedSurveys: relatedSurveys.map((slug) => surveyIds.get(slug)).filter(Boolean),
				relatedCategories: relatedCategories.map((code) => categoryIds.get(code)).filter(Boolean)
			}),
			counts
		);
	}

	for (const staff of DEMO_STAFF) {
		await createMissing(
			pb,
			'users',
			'email',
			staff.email,
			() => ({
				...staff,
				password: options.staffPassword,
				passwordConfirm: options.staffPassword,
				verified: true,
				emailVisibility: false
			}),
			counts
		);
	}

	await seedDemoJourneys(pb, now, counts);
	return counts;
}

/** The demo's journey events, as one set: when any of them is there, seeding again adds none. */
async function seedDemoJourneys(pb: PocketBase, now: Date, counts: SeedCounts): Promise<void> {
	const tally = (counts.journey_events ??= { created: 0, kept: 0 });
	const present = await pb.collection('journey_events').getList(1, 1, {
		filter: pb.filter('journeyId ~ {:prefix}', { prefix: DEMO_ID_PREFIX }),
		fields: 'id'
	});
	if (present.totalItems > 0) {
		tally.kept = present.totalItems;
		return;
	}
	const events = demoJourneyEvents(now);
	// The batch API takes at most 50 requests.
	for (let i = 0; i < events.length; i += 50) {
		const batch = pb.createBatch();
		for (const event of events.slice(i, i + 50)) batch.collection('journey_events').create(event);
		await batch.send();
	}
	tally.created = events.length;
}
