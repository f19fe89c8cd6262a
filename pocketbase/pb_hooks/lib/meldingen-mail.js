/// <reference path="../../pb_data/types.d.ts" />
// The emails about a melding, in the language the resident used when filing or
// following (the melding's or the follower's `language`), Dutch when unknown.
// Each recipient gets their own code and link: a follower never sees the
// reporter's code, which is the reporter's proof of ownership.

const TEXTS = {
	nl: {
		status: {
			received: 'ontvangen',
			in_progress: 'in behandeling',
			done: 'opgelost',
			closed: 'afgesloten'
		},
		hello: 'Beste,',
		receivedSubject: (code) => `Je melding ${code} is ontvangen`,
		receivedBody: (code) => `We ontvingen je melding. Je code is ${code}.`,
		follow: (url) => `Volg je melding: ${url}`,
		weWillMail: 'We sturen je een e-mail als er iets verandert. Stadsstem',
		statusSubject: (code, label) => `Je melding ${code}: ${label}`,
		statusBody: (code, label) => `Je melding ${code} is nu: ${label}.`,
		note: (note) => `Bericht van de stad: ${note}`,
		view: (url) => `Bekijk je melding: ${url}`,
		reopen: 'Is het probleem niet opgelost? Open je melding dan opnieuw via de link hierboven.',
		why: 'Je krijgt deze e-mail omdat je je e-mailadres gaf bij je melding. Stadsstem'
	},
	en: {
		status: { received: 'received', in_progress: 'in progress', done: 'done', closed: 'closed' },
		hello: 'Hello,',
		receivedSubject: (code) => `Your report ${code} has been received`,
		receivedBody: (code) => `We have received your report. Your code is ${code}.`,
		follow: (url) => `Follow your report: ${url}`,
		weWillMail: 'We will email you when something changes. Stadsstem',
		statusSubject: (code, label) => `Your report ${code}: ${label}`,
		statusBody: (code, label) => `Your report ${code} is now: ${label}.`,
		note: (note) => `Message from the city: ${note}`,
		view: (url) => `See your report: ${url}`,
		reopen: 'Is the problem not solved? Then reopen your report with the link above.',
		why: 'You get this email because you gave your email address with your report. Stadsstem'
	},
	fr: {
		status: { received: 'reçu', in_progress: 'en cours', done: 'résolu', closed: 'clôturé' },
		hello: 'Bonjour,',
		receivedSubject: (code) => `Votre signalement ${code} a été reçu`,
		receivedBody: (code) => `Nous avons reçu votre signalement. Votre code est ${code}.`,
		follow: (url) => `Suivez votre signalement : ${url}`,
		weWillMail: 'Nous vous enverrons un e-mail si quelque chose change. Stadsstem',
		statusSubject: (code, label) => `Votre signalement ${code} : ${label}`,
		statusBody: (code, label) => `Votre signalement ${code} est maintenant : ${label}.`,
		note: (note) => `Message de la ville : ${note}`,
		view: (url) => `Voir votre signalement : ${url}`,
		reopen:
			'Le problème n’est pas résolu ? Rouvrez alors votre signalement avec le lien ci-dessus.',
		why: 'Vous recevez cet e-mail parce que vous avez donné votre adresse e-mail avec votre signalement. Stadsstem'
	},
	ar: {
		status: { received: 'مُستلم', in_progress: 'قيد المعالجة', done: 'تم الحل', closed: 'مُغلق' },
		hello: 'مرحبًا،',
		receivedSubject: (code) => `تم استلام بلاغك ${code}`,
		receivedBody: (code) => `استلمنا بلاغك. رمزك هو ${code}.`,
		follow: (url) => `تابع بلاغك: ${url}`,
		weWillMail: 'سنرسل لك بريدًا إلكترونيًا عندما يتغير شيء. Stadsstem',
		statusSubject: (code, label) => `بلاغك ${code}: ${label}`,
		statusBody: (code, label) => `بلاغك ${code} الآن: ${label}.`,
		note: (note) => `رسالة من المدينة: ${note}`,
		view: (url) => `اطّلع على بلاغك: ${url}`,
		reopen: 'ألم تُحل المشكلة؟ أعد فتح بلاغك عبر الرابط أعلاه.',
		why: 'تتلقى هذا البريد لأنك أعطيت عنوان بريدك الإلكتروني مع بلاغك. Stadsstem'
	}
};

/** The texts for a stored language tag such as "fr" or "fr-BE"; Dutch when unknown. */
function textsFor(language) {
	const base = String(language || '')
		.toLowerCase()
		.split('-')[0];
	return { language: TEXTS[base] ? base : 'nl', t: TEXTS[base] || TEXTS.nl };
}

function escapeHtml(text) {
	return String(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

function statusUrl(app, code) {
	return `${app.settings().meta.appURL.replace(/\/$/, '')}/melding/${code}`;
}

/** Sends one email; a mail failure never undoes what the resident or staff did. */
function send(app, address, language, subject, lines) {
	const meta = app.settings().meta;
	// Arabic reads right to left: the HTML part says so, so that mail apps lay it out right.
	const dir = language === 'ar' ? 'rtl' : 'ltr';
	try {
		const message = new MailerMessage({
			from: { address: meta.senderAddress, name: meta.senderName },
			to: [{ address }],
			subject,
			text: lines.join('\n\n'),
			html: `<div lang="${language}" dir="${dir}">${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`
		});
		app.newMailClient().send(message);
		return 1;
	} catch (error) {
		console.error(`melding mail to a resident failed: ${error}`);
		return 0;
	}
}

function mailReceived(app, address, code, language) {
	if (!app.settings().smtp.enabled || !address) return 0;
	const { language: lang, t } = textsFor(language);
	return send(app, address, lang, t.receivedSubject(code), [
		t.hello,
		t.receivedBody(code),
		t.follow(statusUrl(app, code)),
		t.weWillMail
	]);
}

/** recipient: {email, code, language}; the code is the recipient's own. */
function mailStatus(app, recipient, publicStatus, note, canReopen) {
	if (!app.settings().smtp.enabled || !recipient.email) return 0;
	const { language: lang, t } = textsFor(recipient.language);
	const label = t.status[publicStatus] || '';
	const code = recipient.code;
	return send(app, recipient.email, lang, t.statusSubject(code, label), [
		t.hello,
		t.statusBody(code, label),
		...(note ? [t.note(note)] : []),
		t.view(statusUrl(app, code)),
		...(canReopen ? [t.reopen] : []),
		t.why
	]);
}

module.exports = { mailReceived, mailStatus, textsFor };
