/**
 * A progress bar on stderr for inputs that take more than a moment. By default it is drawn only
 * when stderr is a terminal, so pipes, CI logs and tests never see it; `--progress` draws it
 * anyway (from the first chunk) and `--no-progress` never.
 */
export interface Progress {
	tick(): void;
	done(): void;
}

export interface ProgressOptions {
	/** true: always draw, false: never, undefined: only on a terminal, after a moment. */
	force?: boolean;
	stream?: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };
	now?: () => number;
	/** Replaces the byte count when the work is counted otherwise (pages of a server read). */
	label?: () => string;
}

const DELAY_MS = 700;
const REDRAW_MS = 100;
const WIDTH = 30;
/** Back to the start of the line and erase it: what is printed next starts on a clean line. */
export const CLEAR_LINE = '\r\u001b[2K';

export function createProgress(
	label: string,
	total: number | undefined,
	read: () => number,
	options: ProgressOptions = {}
): Progress {
	const stream = options.stream ?? process.stderr;
	const now = options.now ?? Date.now;
	if (options.force === false || (options.force === undefined && !stream.isTTY)) {
		return { tick() {}, done() {} };
	}
	const delay = options.force ? 0 : DELAY_MS;
	const started = now();
	let lastDraw = -Infinity;
	let drawn = false;
	const draw = () => {
		drawn = true;
		if (options.label) {
			stream.write(`\r${options.label()}`);
			return;
		}
		const bytes = read();
		const megabytes = `${(bytes / 1e6).toFixed(0)} MB`;
		if (total && total > 0) {
			const share = Math.min(1, bytes / total);
			const filled = Math.round(share * WIDTH);
			const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
			stream.write(`\r${label} ${bar} ${(share * 100).toFixed(0).padStart(3)} % ${megabytes}`);
		} else {
			stream.write(`\r${label} ${megabytes}`);
		}
	};
	return {
		tick() {
			const time = now();
			if (time - started < delay || time - lastDraw < REDRAW_MS) return;
			lastDraw = time;
			draw();
		},
		done() {
			if (drawn) stream.write(CLEAR_LINE);
		}
	};
}
