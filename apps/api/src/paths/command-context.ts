import { createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CommandMetadata } from '@polku/domain';
import type { Request } from 'express';
import type { StaffUser } from '../auth/staff-user';
import { IDEMPOTENCY_HEADER } from '../idempotency/idempotency.interceptor';
import { keyScopeOf } from '../idempotency/idempotency.store';
import { AppConfig } from '../infrastructure/connections';

/**
 * What a command takes from its request: the time, the acting user (the audit trail on every
 * event), the correlation id the request is logged with, so logs and events join up, and with
 * an Idempotency-Key the command's id and a new path's id. Ids derived from a key are keyed
 * hashes (HMAC): a key is the caller's text, and an unkeyed hash of it could be reversed.
 */
@Injectable()
export class CommandContext {
  private readonly idKey: Buffer;

  constructor(config: AppConfig) {
    this.idKey = Buffer.from(hkdfSync('sha256', config.values.identity.masterKey, Buffer.alloc(0), 'polku/idempotency/command-ids', 32));
  }

  metadataOf(request: Request & { id?: unknown }, user: StaffUser): CommandMetadata {
    const correlationId = typeof request.id === 'string' ? request.id : undefined;
    // The keyed command's id: the path recognises a repeat of it across runs and restarts.
    const commandId = this.updateIdOf(request, user);
    return {
      occurredAt: new Date().toISOString(),
      actor: { userId: user.userId, role: user.role },
      ...(correlationId ? { correlationId } : {}),
      ...(commandId ? { commandId } : {}),
    };
  }

  /** The Temporal Update id (and command id) when the request carries an Idempotency-Key. */
  updateIdOf(request: Request, user: StaffUser): string | undefined {
    const key = keyOf(request);
    return key === undefined ? undefined : `idem-${this.digest(`update\n${keyScopeOf(user)}\n${key}`).toString('base64url').slice(0, 32)}`;
  }

  /** A new path's id: named by the Idempotency-Key when there is one, so a retry names the same path. */
  newPathIdOf(request: Request, user: StaffUser): string {
    const key = keyOf(request);
    return key === undefined ? randomUUID() : uuidOf(this.digest(`path\n${keyScopeOf(user)}\n${key}`));
  }

  private digest(text: string): Buffer {
    return createHmac('sha256', this.idKey).update(text).digest();
  }
}

function keyOf(request: Request): string | undefined {
  const key = request.headers[IDEMPOTENCY_HEADER];
  return typeof key === 'string' ? key : undefined;
}

/** A UUID (version 8: custom) from the first 16 bytes of a digest. */
function uuidOf(digest: Buffer): string {
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
