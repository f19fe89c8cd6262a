// Read-aloud with the browser's own voices, shared by the citizen and kiosk builds.

/** Browsers load voices late; wait for them once, briefly. */
function voices(): Promise<SpeechSynthesisVoice[]> {
	const now = speechSynthesis.getVoices();
	if (now.length) return Promise.resolve(now);
	return new Promise((done) => {
		const finish = () => done(speechSynthesis.getVoices());
		speechSynthesis.addEventListener('voiceschanged', finish, { once: true });
		setTimeout(finish, 1500);
	});
}

/** A voice for the language, preferring Flemish for Dutch; none means we must not guess. */
export async function voiceFor(language: string): Promise<SpeechSynthesisVoice | undefined> {
	if (!('speechSynthesis' in window)) return undefined;
	const all = await voices();
	const base = language.toLowerCase().split('-')[0];
	const matching = all.filter((voice) => voice.lang.toLowerCase().startsWith(base));
	return matching.find((voice) => voice.lang.toLowerCase() === 'nl-be') ?? matching[0];
}

/** The main text of the screen: its heading and what a resident reads first. */
export function mainText(): string {
	const main = document.querySelector('main');
	if (!main) return '';
	const parts: string[] = [];
	for (const element of main.querySelectorAll<HTMLElement>('h1, h2, p, legend, label')) {
		if (element.closest('[hidden], [aria-hidden="true"], .visually-hidden, dialog')) continue;
		const text = element.innerText.trim();
		if (text) parts.push(text);
		if (parts.join(' ').length > 1200) break;
	}
	return parts.join('. ');
}

/** Speaks; false when no voice fits the language (the caller says so). */
export async function speak(text: string, language: string, onEnd: () => void): Promise<boolean> {
	const voice = await voiceFor(language);
	if (!voice) return false;
	speechSynthesis.cancel();
	const utterance = new SpeechSynthesisUtterance(text);
	utterance.lang = voice.lang;
	utterance.voice = voice;
	utterance.onend = onEnd;
	utterance.onerror = onEnd;
	speechSynthesis.speak(utterance);
	return true;
}
