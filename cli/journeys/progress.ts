/**
 * A progress bar on stderr for inputs that take more than a moment. Only drawn when stderr is a
 * terminal, so pipes, CI logs and tests never see it.
 */
export interface Progress {
	tick(): void;
	done(): void;
}

const DELAY_MS = 700;
const REDRAW_MS = 100;
const WIDTH = 30;

export function createProgress(
	label: string,
	total: number | undefined,
	read: () => number,
	stream: NodeJS.WriteStream = process.stderr
): Progress {
	if (!stream.isTTY) return { tick() {}, done() {} };
	const started = Date.now();
	let lastDraw = 0;
	let drawn = false;
	return {
		tick() {
			const now = Date.now();
			if (now - started < DELAY_MS || now - lastDraw < REDRAW_MS) return;
			lastDraw = now;
			drawn = true;
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
		},
		done() {
			if (drawn) stream.write('\r\u001b[2K');
		}
	};
}
