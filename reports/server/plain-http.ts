// `http://` typed at the HTTPS port: the first byte of a TLS connection is 0x16 (a handshake
// record), of a plain HTTP request a letter. Every new connection is peeked first (the pattern of
// httpolyglot, whose server would replace Fastify's own https.Server and its timeouts); TLS goes
// on as before, plain HTTP gets a redirect to https:// with a Chinese page, never an empty reply.
import http from 'node:http';
import type https from 'node:https';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

const TLS_HANDSHAKE = 0x16;
/** A connection that sends nothing at all is not kept waiting for its first byte longer than this. */
const FIRST_BYTE_TIMEOUT_MS = 30_000;
/** host, host:port, [v6], [v6]:port: what may appear in a Location built from the request. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export function answerPlainHttp(fastify: FastifyInstance, publicUrl?: string): void {
  const server = fastify.server as unknown as https.Server;
  /** Connections that have not sent their first byte: no one else knows of them. */
  const waiting = new Set<Socket>();
  const startTls = server.listeners('connection') as Array<(socket: Socket) => void>;
  server.removeAllListeners('connection');
  const plain = http.createServer((request, response) => {
    const host = request.headers.host;
    const target = publicUrl
      ? new URL(request.url ?? '/', publicUrl).href
      : host && HOST.test(host)
        ? `https://${host}${request.url?.startsWith('/') ? request.url : '/'}`
        : null;
    const text = target
      ? `此端口只接受加密连接（HTTPS）。请改用 ${target} 打开。\n`
      : '此端口只接受加密连接（HTTPS）：请把地址开头的 http:// 改成 https://。\n';
    // 307, not 301: a browser must not remember it, the same port may serve plain HTTP later.
    response.writeHead(target ? 307 : 400, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'close',
      ...(target ? { location: target } : {}),
    });
    response.end(text);
  });
  plain.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end(
        'HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\n\r\n' +
          '此端口只接受加密连接（HTTPS）：请用 https:// 开头的地址。\n',
      );
    else socket.destroy();
  });
  // Stopping must not wait for a connection that never spoke (server.close waits for every one).
  fastify.addHook('preClose', (done) => {
    for (const socket of waiting) socket.destroy();
    plain.closeAllConnections();
    done();
  });
  server.on('connection', (socket: Socket) => {
    const silent = () => socket.destroy();
    waiting.add(socket);
    socket.once('close', () => waiting.delete(socket));
    socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, silent);
    socket.on('error', silent);
    socket.once('readable', function route() {
      const first = socket.read(1) as Buffer | null;
      if (first === null) {
        if (!socket.destroyed) socket.once('readable', route);
        return;
      }
      waiting.delete(socket);
      socket.setTimeout(0);
      socket.off('timeout', silent);
      socket.off('error', silent);
      socket.unshift(first);
      if (first[0] === TLS_HANDSHAKE)
        for (const listener of startTls) listener.call(server, socket);
      else plain.emit('connection', socket);
    });
  });
}
