import { createHash } from 'node:crypto';
import { canonicalBytes } from './canonical-json.codec.js';

/**
 * `sha256:<hex>` of a value's RFC 8785 canonical JSON: the digest documents, records and events are
 * cited by. Server-only (node:crypto); the codec itself is shared with the console.
 */
export function canonicalDigest(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalBytes(value)).digest('hex')}`;
}
