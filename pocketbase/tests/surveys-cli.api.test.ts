// `stadsstem surveys import` and `export` against a real server: upsert by
// slug, new version once a survey has answers, and answers out as CSV/JSON.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse, stringify } from 'yaml';
// Dates relative to today: the tests must not depend on the demo file's dates.
import { dayFromToday as day } from '../../surveys/test-fixtures.ts';
import { anonymous, superuser } from './clients.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'stadsstem-surveys-'));
const slug = `cli-${randomUUID().slice(0, 8)}`;
const file = path.join(dir, `${slug}.yaml`);
const demo = parse(readFileSync(path.join(ROOT, 'surveys/demo/tevredenheid-webpunt.yaml'), 'utf8'));

function writeSurvey(changes: Record<string, unknown> = {}) {
	writeFileSync(
		file,
		stringify({ ...demo, slug, opens: day(-10), closes: day(60), resultsAt: day(90), ...changes })
	);
}

function cli(...args: string[]) {
	return spawnSync('node', [path.join(ROOT, 'cli/bin/stadsstem.js'), 'surveys', ...args], {
		encoding: 'utf8',
		env: {
			...process.env,
			STADSSTEM_URL: inject('pbUrl'),
			STADSSTEM_SUPERUSER_EMAIL: inject('superuser').email,
			STADSSTEM_SUPERUSER_PASSWORD: inject('superuser').password
		}
	});
}

async function answer(surveyId: string) {
	return anonymous()
		.collection('responses')
		.create({
			survey: surveyId,
			clientId: randomUUID(),
			channel: 'web',
			language: 'nl',
			answers: { webpunt: 'deurne', hulp_bij: ['afspraak'], tevreden: 5, gelukt: true }
		});
}

describe('surveys import', () => {
	beforeAll(() => writeSurvey());

	it('creates, then leaves an unchanged survey alone, then updates one without answers in place', async () => {
		expect(cli('import', file).stdout).toContain(`${slug}: created (version 1)`);
		expect(cli('import', file).stdout).toContain(`${slug}: unchanged (version 1)`);
		writeSurvey({ estimatedMinutes: 3 });
		expect(cli('import', file).stdout).toContain(`${slug}: updated (version 1)`);
		const pb = await superuser();
		const survey = await pb.collection('surveys').getFirstListItem(`slug = '${slug}'`);
		expect(survey.estimatedMinutes).toBe(3);
		expect(survey.status).toBe('open');
	});

	it('turns a change to an answered survey into a new version; earlier answers keep theirs', async () => {
		const pb = await superuser();
		const survey = await pb.collection('surveys').getFirstListItem(`slug = '${slug}'`);
		const first = await answer(survey.id);
		writeSurvey({
			estimatedMinutes: 4,
			title: { ...demo.title, nl: 'Hoe was je bezoek? (versie 2)' }
		});
		expect(cli('import', file).stdout).toContain(`${slug}: new-version (version 2)`);
		const kept = await pb.collection('survey_versions').getFirstListItem(`survey = '${survey.id}'`);
		expect(kept.version).toBe(1);
		expect(kept.definition.estimatedMinutes).toBe(3);
		expect((await pb.collection('responses').getOne(first.id)).surveyVersion).toBe(1);
		const second = await answer(survey.id);
		expect((await pb.collection('responses').getOne(second.id)).surveyVersion).toBe(2);
	});

	it('publishes a survey that opens later as open (scheduled), and an update recomputes the status', async () => {
		const later = `${slug}-later`;
		const laterFile = path.join(dir, `${later}.yaml`);
		const write = (opens: string, closes: string) =>
			writeFileSync(
				laterFile,
				stringify({ ...demo, slug: later, opens, closes, resultsAt: day(400) })
			);
		const status = async () =>
			(await (await superuser()).collection('surveys').getFirstListItem(`slug = '${later}'`))
				.status;

		write(day(10), day(40));
		expect(cli('import', laterFile).stdout).toContain(`${later}: created (version 1)`);
		expect(await status()).toBe('open');
		write(day(-40), day(-10));
		expect(cli('import', laterFile).stdout).toContain(`${later}: updated (version 1)`);
		expect(await status()).toBe('closed');
		write(day(-40), day(10));
		expect(cli('import', laterFile).stdout).toContain(`${later}: updated (version 1)`);
		expect(await status()).toBe('open');
	});

	it('imports nothing when a file is broken, and says where', async () => {
		const broken = path.join(dir, 'broken.yaml');
		writeFileSync(broken, stringify({ ...demo, slug: `${slug}-broken`, questions: 'none' }));
		const result = cli('import', file, broken);
		expect(result.status).toBe(1);
		expect(result.stdout).toMatch(/broken\.yaml:\d+:\d+ error/);
		expect(result.stderr).toContain('nothing was imported');
		const pb = await superuser();
		await expect(
			pb.collection('surveys').getFirstListItem(`slug = '${slug}-broken'`)
		).rejects.toMatchObject({
			status: 404
		});
	});
});

describe('surveys export', () => {
	it('writes every answer as CSV and as JSON', async () => {
		const csv = cli('export', slug);
		expect(csv.status).toBe(0);
		const lines = csv.stdout.trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			'created,channel,language,assisted,surveyVersion,webpunt,hulp_bij,tevreden,gelukt,wat_lukte_niet,volgende_keer_alleen,tip'
		);
		expect(lines).toHaveLength(3);
		expect(lines[1]).toContain(',web,nl,nee,1,deurne,afspraak,5,ja,,,');
		const out = path.join(dir, 'answers.json');
		expect(cli('export', slug, '--format', 'json', '--out', out).status).toBe(0);
		const json = JSON.parse(readFileSync(out, 'utf8'));
		expect(json.map((row: { surveyVersion: number }) => row.surveyVersion)).toEqual([1, 2]);
	});

	it('says so when the survey does not exist or the format is unknown', () => {
		const missing = cli('export', 'bestaat-niet');
		expect(missing.status).toBe(1);
		expect(missing.stderr).toContain('There is no survey with the slug "bestaat-niet".');
		expect(cli('export', slug, '--format', 'xlsx').stderr).toContain(
			'--format must be csv or json'
		);
	});
});
