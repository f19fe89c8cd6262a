// Responses as a table, one row per response and one column per question, for
// the council and for spreadsheets. Pure, so the staff page (browser download)
// and `stadsstem surveys export` write the very same file.
import type { Question, SurveyDefinition } from './schema.ts';

export interface ExportableResponse {
	created: string;
	channel: string;
	language: string;
	assisted: boolean;
	surveyVersion: number;
	answers: Record<string, unknown>;
}

function cell(question: Question, value: unknown): string {
	if (value === undefined || value === null) return '';
	if (question.type === 'location' && typeof value === 'object') {
		const point = value as { lat: number; lng: number };
		return `${point.lat} ${point.lng}`;
	}
	// Lists (multiple choice, ranking) keep their order, separated by a semicolon.
	if (Array.isArray(value)) return value.join(';');
	if (typeof value === 'boolean') return value ? 'ja' : 'nee';
	return String(value);
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets never run it as a formula. */
export function csvField(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function responsesToCsv(
	definition: SurveyDefinition,
	responses: ExportableResponse[]
): string {
	const questions = definition.questions.filter((question) => question.type !== 'info');
	const header = [
		'created',
		'channel',
		'language',
		'assisted',
		'surveyVersion',
		...questions.map((q) => q.id)
	];
	const rows = responses.map((response) => [
		response.created,
		response.channel,
		response.language,
		response.assisted ? 'ja' : 'nee',
		String(response.surveyVersion ?? ''),
		...questions.map((question) => cell(question, response.answers[question.id]))
	]);
	return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
