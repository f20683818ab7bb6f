import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

export interface Mailbox {
  /** Where the communication subgraph should send mail: `smtp://host:port`. */
  url: string;
  /** The folder each received message is written to, one `.eml` file per message. */
  dir: string;
  close(): Promise<void>;
}

export interface MailboxOptions {
  host: string;
  port: number;
  dir: string;
  /** One line per received message. */
  onMessage: (line: string) => void;
}

/**
 * A local SMTP receiver for `npm start`: real SMTP on a local port, every message kept as an `.eml`
 * file that any mail client opens, so notification emails can be read without a mail provider.
 */
export async function startMailbox(options: MailboxOptions): Promise<Mailbox> {
  mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 10_000_000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.eml`;
        writeFileSync(join(options.dir, name), raw);
        const subject = /^Subject: (.*)$/im.exec(raw.toString("utf8"))?.[1]?.trim() ?? "(no subject)";
        const to = session.envelope.rcptTo.map((r) => r.address).join(", ");
        options.onMessage(`mail to ${to}: ${subject} (${join(options.dir, name)})`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    url: `smtp://${options.host}:${options.port}`,
    dir: options.dir,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
