// A local SMTP server that keeps every message in memory, so tests can read
// the emails the server sends (DESIGN.md §3: tests use a local SMTP sink).
import { SMTPServer } from 'smtp-server';
import { freePort } from '../server.ts';

export interface SunkMail {
	from: string;
	to: string[];
	/** The raw message: headers and body as sent. */
	raw: string;
	subject: string;
	/** The raw message with quoted-printable soft breaks and escapes undone, for text checks. */
	text: string;
}

export interface SmtpSink {
	port: number;
	messages: SunkMail[];
	/** Resolves with the first message (already received or still to come) that matches. */
	waitFor(match: (mail: SunkMail) => boolean, timeoutMs?: number): Promise<SunkMail>;
	stop(): Promise<void>;
}

function decodeQuotedPrintable(raw: string): string {
	return raw
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function decodeSubject(raw: string): string {
	const line = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? '';
	// RFC 2047 encoded words, as Go's mailer writes non-ASCII subjects. The space
	// between two encoded words is not part of the text, and one UTF-8 character
	// may be split over two words: decode to bytes first, then read them as UTF-8.
	const bytes = line
		.replace(/\r?\n[ \t]/g, ' ')
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
			kind.toLowerCase() === 'b'
				? Buffer.from(text, 'base64').toString('latin1')
				: decodeQuotedPrintable(text.replace(/_/g, ' '))
		);
	return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** `port`: listen there again (a mail server that comes back); default a free one. */
export async function startSmtpSink(port?: number): Promise<SmtpSink> {
	const messages: SunkMail[] = [];
	const waiters: { match: (mail: SunkMail) => boolean; resolve: (mail: SunkMail) => void }[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				const mail: SunkMail = {
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
					raw,
					subject: decodeSubject(raw),
					text: Buffer.from(decodeQuotedPrintable(raw), 'latin1').toString('utf8')
				};
				messages.push(mail);
				for (const waiter of [...waiters]) {
					if (waiter.match(mail)) {
						waiters.splice(waiters.indexOf(waiter), 1);
						waiter.resolve(mail);
					}
				}
				callback();
			});
		}
	});
	const listenPort = port ?? (await freePort());
	await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
	return {
		port: listenPort,
		messages,
		waitFor(match, timeoutMs = 15_000) {
			const found = messages.find(match);
			if (found) return Promise.resolve(found);
			return new Promise((resolve, reject) => {
				const waiter = { match, resolve };
				waiters.push(waiter);
				setTimeout(() => {
					if (waiters.includes(waiter)) {
						waiters.splice(waiters.indexOf(waiter), 1);
						reject(new Error('no matching email arrived at the SMTP sink'));
					}
				}, timeoutMs);
			});
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
