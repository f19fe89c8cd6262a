// The shapes of the PocketBase records the app reads (DESIGN.md §5).
import type { RecordModel } from 'pocketbase';
import type { LocalizedText, SurveyDefinition } from '$surveys/schema';
import type { District } from './districts';

export interface SurveyRecord extends RecordModel {
	slug: string;
	title: LocalizedText;
	intro: LocalizedText;
	definition: SurveyDefinition;
	version: number;
	status: 'draft' | 'open' | 'closed';
	opens: string;
	closes: string;
	district: District | '';
	estimatedMinutes: number;
	resultsPublic: boolean;
}
