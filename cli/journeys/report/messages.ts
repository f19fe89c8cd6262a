/** Report texts in Dutch (default, B1 level) and English. */
import type { Finding } from '../analysis/findings.ts';

export type Lang = 'nl' | 'en';

const pct = (value: number, lang: Lang) =>
	`${(value * 100).toLocaleString(lang === 'nl' ? 'nl-BE' : 'en-GB', { maximumFractionDigits: 1 })} %`;
const num = (value: number, lang: Lang) =>
	Math.round(value).toLocaleString(lang === 'nl' ? 'nl-BE' : 'en-GB');

export const MESSAGES = {
	nl: {
		title: 'Waar haken mensen af?',
		intro: (cases: number, events: number, source: string) =>
			`Gebaseerd op ${num(cases, 'nl')} trajecten en ${num(events, 'nl')} gebeurtenissen uit ${source}.`,
		findings: 'Wat eerst aanpakken',
		findingsIntro:
			'Gerangschikt op impact: aantal mensen dat afhaakt × hoeveel vaker dan verwacht.',
		noFindings: 'Geen afhakers gevonden in deze stappen.',
		funnel: 'Trechter',
		funnelChart:
			'Staafdiagram: aantal trajecten dat elke stap bereikt. De tabel eronder toont dezelfde cijfers.',
		step: 'Stap',
		reached: 'Bereikt',
		inProgress: 'Nog bezig',
		dropped: 'Afgehaakt',
		fromPrevious: 'Van vorige stap',
		interval: '95 %-interval',
		fromStart: 'Van start',
		comparison: 'Vergelijking per groep',
		period: 'periode',
		before: (date: string) => `vóór ${date}`,
		fromDate: (date: string) => `vanaf ${date}`,
		comparisonIntro: (by: string) =>
			`Per stap: hoeveel procent van elke groep (${by}) doorgaat, tegenover alle anderen. Gecorrigeerd voor het aantal vergelijkingen (Benjamini–Hochberg).`,
		comparisonChart:
			'Staafdiagram: percentage dat doorgaat per stap en per groep. De tabel eronder toont dezelfde cijfers.',
		group: 'Groep',
		rest: 'Anderen',
		difference: 'Verschil (procentpunt)',
		verdict: 'Conclusie',
		lower: 'lager dan de anderen',
		higher: 'hoger dan de anderen',
		noEvidence: 'geen aanwijzing voor een verschil',
		noData: 'geen gegevens',
		suppressed: (n: number) =>
			`Groepen met minder dan ${n} trajecten zijn weggelaten: te klein om iets over te zeggen.`,
		suppressedGroups: (groups: string) => `Weggelaten: ${groups}.`,
		times: 'Tijd tussen stappen',
		timesChart:
			'Staafdiagram: mediane tijd in minuten tussen opeenvolgende stappen. De tabel eronder toont dezelfde cijfers.',
		from: 'Van',
		to: 'Naar',
		cases: 'Trajecten',
		median: 'Mediaan',
		p90: '90e percentiel',
		loops: 'Lussen',
		loopsIntro: 'Stappen die mensen meer dan één keer doen in hetzelfde traject.',
		activity: 'Stap of activiteit',
		casesWithLoop: 'Trajecten met herhaling',
		noLoops: 'Geen herhaalde stappen.',
		dropouts: 'Waar mensen stoppen',
		notReached: 'Niet bereikt',
		stopped: 'Gestopt',
		lastEvent: 'Laatste gebeurtenis',
		errors: 'Fouten onderweg',
		quality: 'Datakwaliteit',
		noQuality: 'Geen problemen gevonden in de gegevens.',
		generated: (date: string) => `Gemaakt op ${date} met stadsstem journeys.`,
		finding(finding: Finding): string {
			if (finding.kind === 'step-loss') {
				const base = finding.previous
					? `van wie ‘${finding.previous}’ bereikte`
					: 'van alle trajecten';
				return `Bij de stap ‘${finding.step}’ haken ${num(finding.lost, 'nl')} mensen af (${pct(finding.dropRate, 'nl')} ${base}).`;
			}
			return `Bij ‘${finding.step}’ haken mensen met ${finding.by} = ${finding.segment} vaker af: ${pct(finding.dropRate, 'nl')} tegenover ${pct(finding.restDropRate, 'nl')} bij de anderen. Dat zijn ongeveer ${num(finding.excessLost, 'nl')} mensen meer dan verwacht.`;
		}
	},
	en: {
		title: 'Where do people drop out?',
		intro: (cases: number, events: number, source: string) =>
			`Based on ${num(cases, 'en')} journeys and ${num(events, 'en')} events from ${source}.`,
		findings: 'What to fix first',
		findingsIntro: 'Ranked by impact: people lost × how much more often than expected.',
		noFindings: 'No drop-outs found in these steps.',
		funnel: 'Funnel',
		funnelChart:
			'Bar chart: number of journeys reaching each step. The table below shows the same numbers.',
		step: 'Step',
		reached: 'Reached',
		inProgress: 'In progress',
		dropped: 'Dropped out',
		fromPrevious: 'From previous step',
		interval: '95 % interval',
		fromStart: 'From start',
		comparison: 'Comparison by group',
		period: 'period',
		before: (date: string) => `before ${date}`,
		fromDate: (date: string) => `from ${date}`,
		comparisonIntro: (by: string) =>
			`Per step: the share of each group (${by}) that continues, against all others. Corrected for the number of comparisons (Benjamini–Hochberg).`,
		comparisonChart:
			'Bar chart: share continuing per step and group. The table below shows the same numbers.',
		group: 'Group',
		rest: 'Others',
		difference: 'Difference (percentage points)',
		verdict: 'Conclusion',
		lower: 'lower than the others',
		higher: 'higher than the others',
		noEvidence: 'no evidence of a difference',
		noData: 'no data',
		suppressed: (n: number) =>
			`Groups with fewer than ${n} journeys are left out: too small to say anything about.`,
		suppressedGroups: (groups: string) => `Left out: ${groups}.`,
		times: 'Time between steps',
		timesChart:
			'Bar chart: median minutes between consecutive steps. The table below shows the same numbers.',
		from: 'From',
		to: 'To',
		cases: 'Journeys',
		median: 'Median',
		p90: '90th percentile',
		loops: 'Loops',
		loopsIntro: 'Steps people do more than once in the same journey.',
		activity: 'Step or activity',
		casesWithLoop: 'Journeys with a repeat',
		noLoops: 'No repeated steps.',
		dropouts: 'Where people stop',
		notReached: 'Not reached',
		stopped: 'Stopped',
		lastEvent: 'Last event',
		errors: 'Errors on the way',
		quality: 'Data quality',
		noQuality: 'No problems found in the data.',
		generated: (date: string) => `Made on ${date} with stadsstem journeys.`,
		finding(finding: Finding): string {
			if (finding.kind === 'step-loss') {
				const base = finding.previous
					? `of those who reached ‘${finding.previous}’`
					: 'of all journeys';
				return `At the step ‘${finding.step}’, ${num(finding.lost, 'en')} people drop out (${pct(finding.dropRate, 'en')} ${base}).`;
			}
			return `At ‘${finding.step}’, people with ${finding.by} = ${finding.segment} drop out more often: ${pct(finding.dropRate, 'en')} against ${pct(finding.restDropRate, 'en')} for the others. That is about ${num(finding.excessLost, 'en')} more people than expected.`;
		}
	}
} satisfies Record<Lang, unknown>;

export type Messages = (typeof MESSAGES)['nl'];

export { pct as formatPercent, num as formatNumber };
