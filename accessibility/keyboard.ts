// Keyboard-only helpers for the walks: where focus is, whether a sighted
// keyboard user can see it (WCAG 2.4.7, 2.4.13) and whether a sticky or fixed
// bar hides it (2.4.11).
import { expect, type Locator, type Page } from '@playwright/test';

export interface FocusReport {
	/** What has focus, for messages: tag, id or name. */
	what: string;
	/** `body` when nothing in particular has focus. */
	onBody: boolean;
	/** An outline of at least 2 px or a box shadow on the element (or the label that draws it). */
	indicated: boolean;
	/** Inside the viewport and at least partly uncovered by any other element. */
	uncovered: boolean;
}

export async function focusReport(page: Page): Promise<FocusReport> {
	return page.evaluate(() => {
		const element = document.activeElement as HTMLElement | null;
		if (!element || element === document.body)
			return { what: 'body', onBody: true, indicated: false, uncovered: true };
		const what =
			`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ` +
			`"${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`;
		const draws = (candidate: Element | null) => {
			if (!candidate) return false;
			const style = getComputedStyle(candidate);
			const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
			return outline || (style.boxShadow !== 'none' && style.boxShadow !== '');
		};
		// A visually hidden radio or checkbox shows its focus on its label.
		const input = element as HTMLInputElement;
		const labels = 'labels' in input && input.labels ? [...input.labels] : [];
		const indicated = draws(element) || labels.some((label) => draws(label));
		const targets = [element, ...labels];
		const rects = targets
			.map((target) => target.getBoundingClientRect())
			.filter((rect) => rect.width > 1 && rect.height > 1);
		let uncovered = false;
		for (const rect of rects) {
			const left = Math.max(rect.left, 0);
			const right = Math.min(rect.right, innerWidth);
			const top = Math.max(rect.top, 0);
			const bottom = Math.min(rect.bottom, innerHeight);
			if (right <= left || bottom <= top) continue;
			const points = [
				[(left + right) / 2, (top + bottom) / 2],
				[left + 2, top + 2],
				[right - 2, top + 2],
				[left + 2, bottom - 2],
				[right - 2, bottom - 2]
			];
			for (const [x, y] of points) {
				const hit = document.elementFromPoint(x, y);
				if (hit && targets.some((target) => target === hit || target.contains(hit))) {
					uncovered = true;
				}
			}
		}
		return { what, onBody: false, indicated, uncovered };
	});
}

/** Focus is on something, drawn strongly, and not hidden behind a bar. */
export async function expectVisibleFocus(page: Page, context = ''): Promise<FocusReport> {
	const report = await focusReport(page);
	expect(report.onBody, `focus is somewhere ${context}`).toBe(false);
	expect(report.indicated, `focus indicator on ${report.what} ${context}`).toBe(true);
	expect(report.uncovered, `${report.what} not hidden ${context}`).toBe(true);
	return report;
}

/** Tab once and check the newly focused element. */
export async function tab(page: Page, context = ''): Promise<FocusReport> {
	await page.keyboard.press('Tab');
	return expectVisibleFocus(page, context);
}

/** Tab until the element has focus, checking every stop on the way. */
export async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
	for (let presses = 0; presses < limit; presses++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await tab(page, `(on the way to ${await target.evaluate((e) => e.outerHTML.slice(0, 60))})`);
	}
	await expect(target).toBeFocused();
}

/** Tabs through the page from the top until focus leaves it or comes back round. */
export async function tabThrough(page: Page, context: string, limit = 80): Promise<number> {
	const seen = new Set<string>();
	for (let presses = 0; presses < limit; presses++) {
		await page.keyboard.press('Tab');
		const report = await focusReport(page);
		if (report.onBody) break;
		const where = await page.evaluate(() => {
			const element = document.activeElement!;
			const path: number[] = [];
			for (let node: Element | null = element; node?.parentElement; node = node.parentElement)
				path.push([...node.parentElement.children].indexOf(node));
			return path.join('.');
		});
		if (seen.has(where)) break;
		seen.add(where);
		expect(report.indicated, `focus indicator on ${report.what} (${context})`).toBe(true);
		expect(report.uncovered, `${report.what} not hidden (${context})`).toBe(true);
	}
	return seen.size;
}
