// Responses as a table, one row per response and one column per question, for
// the council and for spreadsheets. Pure, so the staff page (browser download)
// and `stadsstem surveys export` write the very same file.
import type { SurveyDefinition } from './schema.ts';

export interface ExportableResponse {
	created: string;
	channel: string;
	language: string;
	assisted: boolean;
	surveyVersion: number;
	answers: Record<string, unknown>;
}

function cell(value: unknown): string {
	if (value === undefined || value === null) return '';
	// Lists (multiple choice, ranking) keep their order, separated by a semicolon.
	if (Array.isArray(value)) return value.join(';');
	if (typeof value === 'boolean') return value ? 'ja' : 'nee';
	if (typeof value === 'object') {
		const point = value as { lat?: unknown; lng?: unknown };
		if (typeof point.lat === 'number' && typeof point.lng === 'number') {
			return `${point.lat} ${point.lng}`;
		}
		return JSON.stringify(value);
	}
	return String(value);
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets never run it as a formula. */
export function csvField(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One column per answerable question of the current definition, then one per question that only
 * an earlier version had (in the order first met), so no answer is dropped from the file; each
 * row says which version it answered.
 */
export function responsesToCsv(
	definition: SurveyDefinition,
	responses: ExportableResponse[]
): string {
	const columns = definition.questions
		.filter((question) => question.type !== 'info')
		.map((question) => question.id);
	const current = new Set(definition.questions.map((question) => question.id));
	for (const response of responses) {
		for (const id of Object.keys(response.answers)) {
			if (!current.has(id) && !columns.includes(id)) columns.push(id);
		}
	}
	const header = ['created', 'channel', 'language', 'assisted', 'surveyVersion', ...columns];
	const rows = responses.map((response) => [
		response.created,
		response.channel,
		response.language,
		response.assisted ? 'ja' : 'nee',
		String(response.surveyVersion ?? ''),
		...columns.map((id) => cell(response.answers[id]))
	]);
	return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
