// Decisions (issue 5): a resident who follows an old link to a withdrawn decision is told
// it was withdrawn, while a draft's address stays a plain "not found" (nothing of a draft
// leaks). Real build, real PocketBase.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../../accessibility/axe.ts';
import { superuser, tabTo } from './decisions-helpers.ts';

test('an old link to a withdrawn decision says it was withdrawn and leads to the list; a draft stays not found', async ({
	page,
	baseURL
}) => {
	const su = await superuser(baseURL);
	const suffix = Date.now().toString(36);
	const fields = {
		summary: 'Een beslissing die even gold.',
		content: 'Het college beslist.',
		motivation: 'Het was nodig.',
		body: 'college',
		language: 'nl'
	};
	const withdrawn = await su.collection('decisions').create({
		...fields,
		slug: `ingetrokken-${suffix}`,
		title: `Ingetrokken beslissing ${suffix}`,
		status: 'published'
	});
	await su.collection('decisions').update(withdrawn.id, { status: 'withdrawn' });
	const draft = await su.collection('decisions').create({
		...fields,
		slug: `ontwerp-${suffix}`,
		title: `Geheim ontwerp ${suffix}`,
		status: 'draft'
	});
	try {
		await page.goto(`/beslissingen/${withdrawn.slug}`);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Deze beslissing is ingetrokken' })
		).toBeVisible();
		await expect(
			page.getByText('Deze beslissing is ingetrokken. Ze geldt niet meer', { exact: false })
		).toBeVisible();
		// What was withdrawn is not shown again.
		await expect(page.getByText(withdrawn.title)).toHaveCount(0);
		await expectNoAxeViolations(page, 'withdrawn decision');

		await tabTo(page, page.getByRole('link', { name: 'Bekijk alle beslissingen' }));
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/beslissingen$/);
		await expect(page.getByTestId('decisions-list')).toBeVisible();

		await page.goto(`/beslissingen/${draft.slug}`);
		await expect(
			page.getByText('Deze beslissing bestaat niet of is niet meer geldig.')
		).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Deze beslissing is ingetrokken' })).toHaveCount(
			0
		);
		await expect(page.getByText(draft.title)).toHaveCount(0);
	} finally {
		await su.collection('decisions').delete(withdrawn.id);
		await su.collection('decisions').delete(draft.id);
	}
});
