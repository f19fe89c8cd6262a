import { describe, expect, it } from 'vitest';
import { CLEAR_LINE, createProgress } from './progress.ts';

/** A stderr stand-in and a clock the test moves by hand. */
function setup(isTTY: boolean) {
	const written: string[] = [];
	let time = 1_000;
	const stream = { isTTY, write: (text: string) => written.push(text) > 0 };
	return {
		written,
		stream,
		now: () => time,
		advance: (ms: number) => (time += ms)
	};
}

describe('progress bar', () => {
	it('stays silent when stderr is not a terminal', () => {
		const { written, stream, now, advance } = setup(false);
		let bytes = 0;
		const progress = createProgress('reading', 100, () => bytes, { stream, now });
		for (let i = 0; i < 10; i++) {
			advance(1_000);
			bytes += 10;
			progress.tick();
		}
		progress.done();
		expect(written).toEqual([]);
	});

	it('on a terminal, appears after a moment, redraws at most ten times a second and erases itself', () => {
		const { written, stream, now, advance } = setup(true);
		let bytes = 0;
		const progress = createProgress('reading', 200, () => bytes, { stream, now });
		bytes = 20;
		progress.tick(); // a quick input never shows a bar
		expect(written).toEqual([]);
		advance(800);
		bytes = 100;
		progress.tick();
		expect(written).toHaveLength(1);
		expect(written[0]).toMatch(/^\rreading [█░]{30}\s+50 % 0 MB$/);
		expect(written[0].match(/█/g)).toHaveLength(15);
		advance(50);
		progress.tick(); // too soon after the last frame
		expect(written).toHaveLength(1);
		advance(100);
		bytes = 200;
		progress.tick();
		expect(written[1]).toMatch(/100 %/);
		progress.done();
		expect(written.at(-1)).toBe(CLEAR_LINE);
	});

	it('leaves nothing behind when it never drew', () => {
		const { written, stream, now } = setup(true);
		const progress = createProgress('reading', 100, () => 100, { stream, now });
		progress.tick();
		progress.done();
		expect(written).toEqual([]);
	});

	it('--progress draws at once even when piped; --no-progress never, even on a terminal', () => {
		const piped = setup(false);
		const forced = createProgress('reading', undefined, () => 3e6, { ...piped, force: true });
		forced.tick();
		forced.done();
		expect(piped.written).toEqual(['\rreading 3 MB', CLEAR_LINE]);
		const terminal = setup(true);
		const off = createProgress('reading', 100, () => 50, { ...terminal, force: false });
		terminal.advance(5_000);
		off.tick();
		off.done();
		expect(terminal.written).toEqual([]);
	});

	it('counts pages instead of bytes for a server read', () => {
		const { written, stream, now } = setup(false);
		let page = 0;
		const progress = createProgress('journey_events', undefined, () => 0, {
			stream,
			now,
			force: true,
			label: () => `journey_events ${page}/3`
		});
		page = 1;
		progress.tick();
		expect(written).toEqual(['\rjourney_events 1/3']);
	});
});
