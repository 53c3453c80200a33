// Outgoing mail over SMTP (nodemailer). Without SMTP_URL the server sends nothing, and features
// that need mail say so instead of pretending.
import nodemailer, { type Transporter } from 'nodemailer';
import { ServiceUnavailable } from '../../errors.js';

export interface MailOptions {
  smtpUrl?: string;
  from: string;
}

export interface Message {
  to: string;
  subject: string;
  text: string;
}

export class Mailer {
  readonly #transport: Transporter | undefined;

  constructor(private readonly options: MailOptions) {
    this.#transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  }

  get isConfigured(): boolean {
    return !!this.#transport;
  }

  /**
   * Sends a plain-text message; refuses with 503 when no SMTP server is configured.
   * @example await mailer.send({ to: 'ada@example.com', subject: 'Welcome', text: '…' });
   */
  async send(message: Message): Promise<void> {
    if (!this.#transport) throw new ServiceUnavailable('this server sends no email: set SMTP_URL (docs/configuration.md)');
    await this.#transport.sendMail({ from: this.options.from, ...message });
  }

  close(): void {
    this.#transport?.close();
  }
}
