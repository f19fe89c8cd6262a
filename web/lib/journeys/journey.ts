// One attempt at one process (DESIGN.md §7): a random journeyId that lives in
// memory for this attempt only, and start, step, error and complete events
// that carry codes, never what the resident typed.
import { locale } from '$lib/i18n/i18n.svelte';
import { currentChannel } from '$lib/surveys/channel';
import { enqueue, flush, flushSoon, type JourneyEventType } from './emitter';

const CODE = /[^a-z0-9_.:-]/g;

/** Step names and error codes as the server takes them: lower-case codes, no free text. */
export function asCode(value: string, max = 60): string {
	return (
		value
			.toLowerCase()
			.replace(CODE, '-')
			.replace(/^[^a-z0-9]+/, '')
			.slice(0, max) || 'x'
	);
}

const active = new Set<Journey>();

export class Journey {
	private id: string | undefined;
	private lastStep: string | undefined;

	/** `process` is e.g. `melding` or a function giving `survey:<slug>` when the journey starts. */
	constructor(private readonly process: string | (() => string)) {}

	get started(): boolean {
		return this.id !== undefined;
	}

	/** A new attempt: a new id, and a `start` event at its first step. */
	start(step = 'start'): void {
		this.id = crypto.randomUUID();
		active.add(this);
		this.lastStep = undefined;
		this.emit('start', step);
	}

	/** The resident sees this step; repeats of the same step in a row count once. */
	step(step: string): void {
		if (!this.id || step === this.lastStep) return;
		this.emit('step', step);
		flushSoon();
	}

	/** A validation or submission error at this step, as a code. */
	error(step: string, code: string): void {
		if (!this.id) return;
		this.emit('error', step, asCode(code, 64));
	}

	/** The process ended well; the id is forgotten. */
	complete(step: string): void {
		if (!this.id) return;
		this.emit('complete', step);
		this.end();
		void flush();
	}

	/** The attempt is over without completion (kiosk reset, start again): forget the id. */
	end(): void {
		this.id = undefined;
		this.lastStep = undefined;
		active.delete(this);
	}

	private emit(type: JourneyEventType, step: string, detail?: string) {
		const name = asCode(step);
		if (type !== 'error') this.lastStep = name;
		try {
			enqueue({
				journeyId: this.id!,
				process: typeof this.process === 'function' ? this.process() : this.process,
				step: name,
				type,
				at: new Date().toISOString(),
				channel: currentChannel(),
				language: locale.language,
				...(detail ? { detail } : {})
			});
		} catch {
			// Measuring must never get in the resident's way.
		}
	}
}

/**
 * The kiosk start screen (issue 6): call `start()` when the screen shows, `step('taal-<code>')`
 * or `step('tegel-<name>')` as the resident chooses, and `complete('tegel-<name>')` when a tile
 * leads into a flow. `endAllJourneys()` belongs in the kiosk's full reset.
 */
export function kioskStartJourney(): Journey {
	return new Journey('kiosk:start');
}

/** Ends every attempt in progress and sends what waits (the kiosk reset between residents). */
export function endAllJourneys(): Promise<void> {
	for (const journey of [...active]) journey.end();
	return flush();
}
