// Which hosts count as this machine: who may call without a token, and where --http is allowed.
import net from 'node:net';

/** The default addresses of this machine: on these, anyone on the machine may call. */
export function isDefaultLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === '127.0.0.1' || h === '::1' || h === 'localhost';
}

/**
 * Any loopback address (127.0.0.0/8, ::1, localhost): only this machine can reach it, so plain
 * HTTP is safe there (tests, or a reverse proxy on the same machine in front of it).
 */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  return net.isIPv4(h) && h.startsWith('127.');
}

/** The host part of a Host header ("localhost:3000", "[::1]:3000"), or null if it is not one. */
export function hostName(header: string | undefined): string | null {
  if (!header || !/^[A-Za-z0-9.\-[\]:]+$/.test(header)) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(header);
  if (bracketed) return bracketed[1];
  return header.replace(/:\d+$/, '');
}
