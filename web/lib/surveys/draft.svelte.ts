// A resident's answers to one survey while they fill it in. Kept on the device
// after every change, so a reload, a lost connection or a closed tab loses
// nothing; the clientId is made once, so a retried submission counts once.
import type { SurveyDefinition } from '$surveys/schema';
import { visibleQuestions, type Answers } from '$surveys/validate-response';
import { readJson, remove, writeJson } from '$lib/device-storage';

interface StoredDraft {
	clientId: string;
	answers: Answers;
}

export class SurveyDraft {
	answers = $state<Answers>({});
	readonly clientId: string;
	readonly #key: string;
	readonly #persist: boolean;

	constructor(
		readonly definition: SurveyDefinition,
		version: number,
		options: { persist: boolean }
	) {
		this.#key = `stadsstem.draft.${definition.slug}.v${version}`;
		this.#persist = options.persist;
		const stored = options.persist ? readJson<StoredDraft>(this.#key) : undefined;
		this.clientId = stored?.clientId ?? crypto.randomUUID();
		this.answers = stored?.answers ?? {};
	}

	/** Questions and information blocks shown with the current answers, in order. */
	visible = $derived.by(() => visibleQuestions(this.definition, this.answers));

	get started(): boolean {
		return Object.keys(this.answers).length > 0;
	}

	set(questionId: string, value: unknown): void {
		const next = { ...this.answers };
		if (value === undefined) delete next[questionId];
		else next[questionId] = value;
		this.answers = next;
		this.#save();
	}

	/** Only the answers to questions still shown: a changed answer can hide later ones. */
	answersToSend(): Answers {
		const shown = this.visible.map((question) => question.id);
		// A plain copy: state proxies cannot be stored in IndexedDB or sent as they are.
		const answers = $state.snapshot(this.answers);
		return Object.fromEntries(Object.entries(answers).filter(([id]) => shown.includes(id)));
	}

	discard(): void {
		remove(this.#key);
	}

	#save(): void {
		if (this.#persist)
			writeJson(this.#key, {
				clientId: this.clientId,
				answers: this.answers
			} satisfies StoredDraft);
	}
}
