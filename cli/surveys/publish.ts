// Bringing survey definitions into PocketBase and responses out of it. Import
// upserts by slug; a changed definition of a survey that already has answers
// becomes a new version, and earlier answers stay tied to the version they answered.
import type PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';
import { closesAt } from '../../surveys/dates.ts';
import { responsesToCsv, type ExportableResponse } from '../../surveys/export.ts';
import type { LoadedSurvey } from '../../surveys/load.ts';
import { parseSurveyDefinition } from '../../surveys/schema.ts';

/**
 * A survey's status from its dates, when it is imported. A survey that opens
 * later is `open` too ("scheduled"): residents can read it and its page says
 * when it opens, and the server refuses answers before `opens`. A bare closing
 * date lasts to the end of that day in Antwerp, as on the server (dates.ts).
 */
export function statusFor(survey: LoadedSurvey, now: Date): 'open' | 'closed' {
	const { closes } = survey.definition;
	return closes && now.getTime() >= closesAt(closes) ? 'closed' : 'open';
}

/** The record fields that come from the definition file (not status or version). */
export function definitionFields(survey: LoadedSurvey): Record<string, unknown> {
	const { definition } = survey;
	return {
		slug: definition.slug,
		title: definition.title,
		intro: definition.intro ?? {},
		definition,
		contentHash: survey.hash,
		opens: definition.opens ?? '',
		closes: definition.closes ?? '',
		district: definition.district?.toLowerCase() ?? '',
		estimatedMinutes: definition.estimatedMinutes ?? 0,
		resultsPublic: definition.resultsPublic ?? false
	};
}

export type ImportAction = 'created' | 'unchanged' | 'updated' | 'new-version';

export interface ImportOutcome {
	slug: string;
	action: ImportAction;
	version: number;
}

async function findBySlug(pb: PocketBase, slug: string): Promise<RecordModel | null> {
	return pb
		.collection('surveys')
		.getFirstListItem(pb.filter('slug = {:slug}', { slug }))
		.catch((error: { status?: number }) => {
			if (error.status === 404) return null;
			throw error;
		});
}

/** Upserts one survey; `pb` must be a superuser or editor client. */
export async function importSurvey(
	pb: PocketBase,
	survey: LoadedSurvey,
	now = new Date()
): Promise<ImportOutcome> {
	const slug = survey.slug;
	const existing = await findBySlug(pb, slug);
	if (!existing) {
		await pb
			.collection('surveys')
			.create({ ...definitionFields(survey), version: 1, status: statusFor(survey, now) });
		return { slug, action: 'created', version: 1 };
	}
	if (existing.contentHash === survey.hash)
		return { slug, action: 'unchanged', version: existing.version };

	const answered = (
		await pb
			.collection('responses')
			.getList(1, 1, { filter: pb.filter('survey = {:id}', { id: existing.id }), fields: 'id' })
	).totalItems;
	if (answered === 0) {
		// Changed dates can open or close it: the status follows them, as on a first import.
		await pb
			.collection('surveys')
			.update(existing.id, { ...definitionFields(survey), status: statusFor(survey, now) });
		return { slug, action: 'updated', version: existing.version };
	}
	// Keep the answered version, then publish the new one under the next number.
	await pb.collection('survey_versions').create({
		survey: existing.id,
		version: existing.version,
		definition: existing.definition,
		contentHash: existing.contentHash
	});
	const version = existing.version + 1;
	await pb.collection('surveys').update(existing.id, { ...definitionFields(survey), version });
	return { slug, action: 'new-version', version };
}

export interface ExportedResponses {
	slug: string;
	responses: ExportableResponse[];
	csv: string;
}

/** Every response of a survey, oldest first, as rows and as CSV. */
export async function exportResponses(
	pb: PocketBase,
	slug: string
): Promise<ExportedResponses | null> {
	const survey = await findBySlug(pb, slug);
	if (!survey) return null;
	const parsed = parseSurveyDefinition(survey.definition);
	if (!parsed.ok) throw new Error(`The stored definition of ${slug} is not valid.`);
	const records = await pb.collection('responses').getFullList({
		filter: pb.filter('survey = {:id}', { id: survey.id }),
		sort: 'created'
	});
	const responses: ExportableResponse[] = records.map((record) => ({
		created: record.created,
		channel: record.channel,
		language: record.language,
		assisted: record.assisted,
		surveyVersion: record.surveyVersion,
		answers: record.answers ?? {}
	}));
	return { slug, responses, csv: responsesToCsv(parsed.value, responses) };
}
