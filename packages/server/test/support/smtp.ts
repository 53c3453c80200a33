// A real SMTP server on a free local port that keeps what it receives, for tests of mail.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Mail { to: string; subject: string; text: string }

export interface TestSmtp {
  url: string;
  inbox: Mail[];
  /** The first mail to an address, waiting up to 2 s for it. */
  waitFor(to: string): Promise<Mail>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const inbox: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: mail.subject ?? '', text: mail.text ?? '' });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    async waitFor(to) {
      for (let i = 0; i < 100; i++) {
        const mail = inbox.find((m) => m.to === to);
        if (mail) return mail;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no mail to ${to}`);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
