// Writing checks on a parsed survey: plain Dutch (B1) and complete translations.
// Pure, so the staff pages can show the same warnings as `stadsstem surveys lint`.
import { missingTranslations } from './i18n.ts';
import {
	checkDutchText,
	type PlainLanguageOptions,
	type PlainLanguageRule
} from './plain-language.ts';
import { collectTexts, formatPath, type Path, type SurveyDefinition } from './schema.ts';

export type LintRule = PlainLanguageRule | 'missing_translation';

export interface LintWarning {
	path: Path;
	rule: LintRule;
	message: string;
	/** The question the text belongs to; absent for survey-level texts. */
	questionId?: string;
	excerpt?: string;
	suggestion?: string;
}

export function lintSurvey(
	def: SurveyDefinition,
	options: PlainLanguageOptions = {}
): LintWarning[] {
	const warnings: LintWarning[] = [];
	for (const entry of collectTexts(def)) {
		for (const issue of checkDutchText(entry.text.nl, options)) {
			const w: LintWarning = {
				path: [...entry.path, 'nl'],
				rule: issue.rule,
				message: issue.message,
				excerpt: issue.excerpt
			};
			if (entry.questionId !== undefined) w.questionId = entry.questionId;
			if (issue.suggestion !== undefined) w.suggestion = issue.suggestion;
			warnings.push(w);
		}
	}
	for (const { lang, entries } of missingTranslations(def)) {
		for (const entry of entries) {
			const w: LintWarning = {
				path: entry.path,
				rule: 'missing_translation',
				message: `No "${lang}" text at ${formatPath(entry.path)}: residents reading ${lang} see Dutch here.`
			};
			if (entry.questionId !== undefined) w.questionId = entry.questionId;
			warnings.push(w);
		}
	}
	return warnings;
}
