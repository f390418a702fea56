// Who is calling: on the default loopback addresses without a token, anyone on this machine;
// otherwise a Bearer token, the server's own (--token) or a unit's (--units).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { hostName, isDefaultLoopback } from './addresses.js';
import type { Unit } from './units.js';

export interface Caller {
  /** The unit the token is for; null on a server without units. */
  unit: Unit | null;
  /** Whether a token was shown (the server's own --token). */
  viaToken: boolean;
}

export interface Gate {
  /** Whether a token is needed: the page shows its login field. */
  loginRequired: boolean;
  /** The caller, or a reason for 401/403 in Chinese. */
  check(request: FastifyRequest): { caller: Caller } | { status: 401 | 403; error: string };
}

export const NEED_TOKEN =
  '需要令牌：请在页面上填写本单位的令牌，或在请求头加 Authorization: Bearer <令牌>';

export function gate(options: { host: string; token: string | null; units: Unit[] | null }): Gate {
  const { token, units } = options;
  const open = !token && !units;
  if (open && !isDefaultLoopback(options.host))
    throw new Error('a server on another host needs --token or --units');
  return {
    loginRequired: !open,
    check(request) {
      if (open) {
        // Only pages of this server on this machine: another site open in the clerk's browser
        // (a forged form, or a name that resolves to 127.0.0.1) is not "anyone on the machine".
        const host = hostName(request.headers.host);
        if (!host || !isDefaultLoopback(host))
          return { status: 403, error: '此服务器只接受本机地址（localhost、127.0.0.1）的访问' };
        const origin = request.headers.origin;
        if (origin !== undefined && !sameHost(origin, request.headers.host!))
          return { status: 403, error: '不接受其他网站发来的请求' };
        return { caller: { unit: null, viaToken: false } };
      }
      const shown = bearer(request.headers.authorization);
      if (shown === null) return { status: 401, error: NEED_TOKEN };
      if (token && same(shown, token)) return { caller: { unit: null, viaToken: true } };
      const unit = units?.find((u) => same(shown, u.token));
      if (unit) return { caller: { unit, viaToken: true } };
      return { status: 401, error: '令牌不正确：请核对本单位的令牌（区分大小写）' };
    },
  };
}

function bearer(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1] : null;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
