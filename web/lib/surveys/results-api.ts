// The server's results route (pocketbase/pb_hooks/lib/survey-results.js):
// counts per question and the free-text answers an editor approved.
import type { SurveyResults } from '$surveys/results';
import type { LocalizedText, SurveyDefinition } from '$surveys/schema';
import { pb } from '$lib/api/pocketbase';

export interface ResultsResponse {
	survey: { slug: string; title: LocalizedText; status: string; closes: string };
	definition: SurveyDefinition;
	results: SurveyResults;
	texts: Record<string, string[]>;
}

export function fetchResults(slug: string): Promise<ResultsResponse> {
	return pb.send<ResultsResponse>(`/api/stadsstem/surveys/${encodeURIComponent(slug)}/results`, {});
}
