/** Finds the case, activity and timestamp columns (and requested attributes) by name. */
import { CliError } from '../../cli-error.ts';

export interface ColumnFlags {
	case?: string;
	activity?: string;
	timestamp?: string;
}

export interface ColumnChoice {
	case: number;
	activity: number;
	timestamp: number;
}

// Most specific first: the running example has both `concept:name` and `Activity`. Dutch names
// too: a city's own systems export `Dossiernummer;Stap;Tijdstip` (PERSONAS.md, Sara).
const CASE_NAMES = [
	'case:concept:name',
	'case id',
	'case_id',
	'caseid',
	'journeyid',
	'journey_id',
	'case',
	'dossiernummer',
	'zaaknummer',
	'dossier',
	'zaak'
];
const ACTIVITY_NAMES = [
	'concept:name',
	'activity',
	'step',
	'activity name',
	'event',
	'task',
	'activiteit',
	'stap',
	'handeling'
];
const TIME_NAMES = [
	'time:timestamp',
	'complete timestamp',
	'timestamp',
	'at',
	'end timestamp',
	'time',
	'datetime',
	'date',
	'tijdstip',
	'datum en tijd',
	'datum',
	'tijd'
];

export function chooseColumns(
	header: readonly string[],
	flags: ColumnFlags,
	source: string
): ColumnChoice {
	return {
		case: pick(header, flags.case, CASE_NAMES, 'case', '--case', source),
		activity: pick(header, flags.activity, ACTIVITY_NAMES, 'activity', '--activity', source),
		timestamp: pick(header, flags.timestamp, TIME_NAMES, 'timestamp', '--timestamp', source)
	};
}

function pick(
	header: readonly string[],
	flag: string | undefined,
	candidates: readonly string[],
	role: string,
	option: string,
	source: string
): number {
	if (flag !== undefined) {
		const index = findColumn(header, flag);
		if (index < 0) {
			throw new CliError(
				`${source} has no column "${flag}" (given with ${option}); columns are: ${list(header)}.`
			);
		}
		return index;
	}
	const lower = header.map((name) => name.trim().toLowerCase());
	for (const candidate of candidates) {
		const index = lower.indexOf(candidate);
		if (index >= 0) return index;
	}
	throw new CliError(
		`cannot tell which column of ${source} holds the ${role}; name it with ${option}. Columns are: ${list(header)}.`
	);
}

/** Exact name first, then case-insensitive. */
export function findColumn(header: readonly string[], name: string): number {
	const exact = header.indexOf(name);
	if (exact >= 0) return exact;
	const lower = name.toLowerCase();
	return header.findIndex((column) => column.trim().toLowerCase() === lower);
}

/**
 * A case attribute for --by: the `case:` column when there is one, otherwise the plain column
 * (whose first event's value is used).
 */
export function findCaseAttribute(header: readonly string[], name: string): number {
	if (!name.startsWith('case:')) {
		const prefixed = findColumn(header, `case:${name}`);
		if (prefixed >= 0) return prefixed;
	}
	return findColumn(header, name);
}

export function list(header: readonly string[]): string {
	const shown = header.slice(0, 20).map((name) => (name === '' ? '(unnamed)' : name));
	return shown.join(', ') + (header.length > 20 ? `, … (${header.length} in all)` : '');
}
