import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** RCPT TO addresses, as the envelope gave them. */
  recipients: string[];
  mail: ParsedMail;
}

/** Thrown into smtp-server's callbacks: its `responseCode` becomes the SMTP reply code. */
class SmtpReply extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
  }
}

/**
 * A real SMTP receiver on a free local port that insists on AUTH (user `venta`, password
 * `secret`), parses every message it accepts, and refuses recipients at `bounce.test` with 550.
 */
export async function startSmtpReceiver() {
  const received: ReceivedMail[] = [];
  const parsing: Promise<void>[] = [];
  const server = new SMTPServer({
    authMethods: ["PLAIN", "LOGIN"],
    // Plain-text AUTH on a local socket: the test has no certificate for STARTTLS.
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "venta" && auth.password === "secret") callback(null, { user: auth.username });
      else callback(new SmtpReply("authentication failed", 535));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith("@bounce.test")) callback(new SmtpReply("mailbox unavailable", 550));
      else callback();
    },
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((r) => r.address);
      parsing.push(
        simpleParser(stream).then((mail) => {
          received.push({ recipients, mail });
          callback();
        }, callback),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://venta:secret@127.0.0.1:${port}`,
    /** Same server, wrong password. */
    badCredentialsUrl: `smtp://venta:wrong@127.0.0.1:${port}`,
    received,
    close: async () => {
      await Promise.allSettled(parsing);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
