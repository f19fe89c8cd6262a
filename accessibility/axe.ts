// The one axe configuration for every browser suite (DESIGN.md §8): all tags in
// one withTags call, and a failure that names each rule and element.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export async function expectNoAxeViolations(page: Page, context = ''): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
	const summary = results.violations.map((violation) => ({
		id: violation.id,
		help: violation.help,
		nodes: violation.nodes.map((node) => node.target.join(' '))
	}));
	expect(summary, `axe violations ${context}`).toEqual([]);
}
