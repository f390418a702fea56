// Test helper: a real SMTP server on 127.0.0.1 (the smtp-server package) that keeps what it
// receives, and a real one-page PDF (pdf-lib) to stand for a card.
import net from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  user: string | undefined;
}

export interface TestServer {
  port: number;
  received: Received[];
  /** AUTH attempts seen, with the user name given. */
  logins: string[];
  close: () => Promise<void>;
}

export const USER = 'clerk@example.cn';
export const PASSWORD = 'pa55-秘密-word';

/** Starts a server that asks for USER/PASSWORD; `options` override any handler. */
export async function startSmtp(options: Partial<SMTPServerOptions> = {}): Promise<TestServer> {
  const received: Received[] = [];
  const logins: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push(auth.username ?? '');
      if (auth.username === USER && auth.password === PASSWORD)
        return callback(null, { user: auth.username });
      callback(withCode(new Error('Invalid username or password'), 535));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    logins,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function withCode(error: Error, responseCode: number): Error {
  return Object.assign(error, { responseCode });
}

/** A port with nothing listening: taken from the system, then released. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A server that accepts connections and never says a word; counts the connections. */
export async function silentServer(): Promise<{
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => count,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A real one-page PDF with the given title, as a stand-in card. */
export async function samplePdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(title, { x: 50, y: 780, size: 18, font });
  return Buffer.from(await doc.save());
}
