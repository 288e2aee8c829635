import { readFileSync, existsSync } from 'node:fs';
import { openNote, parseCheckpointBody, parseVerifierKey, verifierKeyFromPublicKey } from '../modules/ledger/index.js';

/**
 * Turns `--key` into a note verifier key: a vkey string, a file holding one, or a DID document
 * (file or URL) whose verification method carries the ledger's Ed25519 JWK. The key name of a
 * checkpoint signature is the log origin, read from the receipt's checkpoint.
 */
export async function resolveLogKey(arg: string, receipt: unknown): Promise<string> {
  let text = arg;
  if (/^https?:\/\//.test(arg)) {
    const res = await fetch(arg, { headers: { accept: 'application/did+json, application/json' } });
    if (!res.ok) throw new Error(`${arg}: HTTP ${res.status}`);
    text = await res.text();
  } else if (existsSync(arg)) {
    text = readFileSync(arg, 'utf8').trim();
  }
  try {
    parseVerifierKey(text);
    return text;
  } catch {
    /* not a vkey: try a DID document */
  }
  const doc = JSON.parse(text) as { verificationMethod?: Array<{ publicKeyJwk?: { crv?: string; x?: string }; 'liutong:noteVerifierKey'?: string }> };
  const methods = doc.verificationMethod ?? [];
  const direct = methods.find((m) => typeof m['liutong:noteVerifierKey'] === 'string');
  if (direct) return direct['liutong:noteVerifierKey']!;
  const jwk = methods.find((m) => m.publicKeyJwk?.crv === 'Ed25519')?.publicKeyJwk;
  if (!jwk?.x) throw new Error('no Ed25519 key in the DID document');
  const origin = parseCheckpointBody(openNote((receipt as { checkpoint: string }).checkpoint, []).text).origin;
  return verifierKeyFromPublicKey(origin, Buffer.from(jwk.x, 'base64url'));
}
