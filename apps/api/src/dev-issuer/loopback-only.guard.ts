import { type CanActivate, type ExecutionContext, Injectable, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { PinoLogger } from 'nestjs-pino';

// Headers a proxy adds: a request carrying one came from elsewhere, whatever the socket says.
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (how an API listening on :: sees 127.0.0.1). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const ip = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return ip === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);
}

/** Whether a request came straight from this machine: the socket's peer, never a header anyone can send. */
export function isLocalCaller(request: Pick<Request, 'headers'> & { readonly socket: { readonly remoteAddress?: string } }): boolean {
  return isLoopback(request.socket.remoteAddress) && FORWARDING_HEADERS.every((header) => request.headers[header] === undefined);
}

/**
 * The dev issuer signs a token for any role in any area, so only a caller on this machine may
 * reach it, even when the API listens wider (API_HOST=0.0.0.0) or behind a local proxy. Anyone
 * else gets exactly the answer of a route that does not exist.
 */
@Injectable()
export class LoopbackOnlyGuard implements CanActivate {
  constructor(private readonly logger: PinoLogger) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (isLocalCaller(request)) return true;
    this.logger.warn('dev issuer: refused a caller that is not on this machine (loopback only)');
    throw new NotFoundException(`Cannot ${request.method} ${request.originalUrl}`);
  }
}
