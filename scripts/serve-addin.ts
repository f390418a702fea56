// The dev server `npm start` runs: serves addin/dist on https://localhost:3000 with the
// trusted development certificate from office-addin-dev-certs (installed on first use).
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHttpsServerOptions } from 'office-addin-dev-certs';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'addin', 'dist');
const PORT = Number(process.env.PORT ?? 3000);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

const options = await getHttpsServerOptions();
createServer(options, (req, res) => {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
  const file = path.join(DIST, pathname === '/' ? 'taskpane.html' : pathname);
  if (!file.startsWith(DIST) || !existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res
    .writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    .end(readFileSync(file));
}).listen(PORT, () => console.log(`加载项页面：https://localhost:${PORT}/taskpane.html`));
