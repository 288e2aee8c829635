import type { Signer } from '../../platform/signing.js';

/**
 * W3C Verifiable Credentials 2.0 secured with JOSE (VC-JOSE-COSE, W3C Recommendation 2025-05-15,
 * §3.1.1): a compact JWS whose payload *is* the credential (no v1.1 `vc` wrapper), header
 * `typ: vc+jwt`, `cty: vc`, `alg: EdDSA` (RFC 8037, Ed25519), `kid` the issuer's DID URL of the key.
 */
export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const VC_JWT_TYPE = 'vc+jwt';

export interface JwsHeader {
  alg: 'EdDSA';
  typ: typeof VC_JWT_TYPE;
  cty: 'vc';
  kid: string;
}

export type Credential = Record<string, unknown> & {
  '@context': string[];
  id?: string;
  type: string[];
  issuer: string | { id: string; name?: unknown };
  validFrom?: string;
  validUntil?: string;
  credentialSubject: Record<string, unknown>;
};

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

/** Signs the credential as a compact JWS with the issuer's key (`kid`: `<did>#<keyId>`). */
export function signCredential(credential: Credential, signer: Signer, did: string): string {
  const header: JwsHeader = { alg: 'EdDSA', typ: VC_JWT_TYPE, cty: 'vc', kid: `${did}#${signer.keyId}` };
  const input = `${b64(header)}.${b64(credential)}`;
  return `${input}.${signer.sign(Buffer.from(input, 'ascii')).toString('base64url')}`;
}

export interface DecodedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

/** Splits and parses a compact JWS; null when it is not one (three base64url parts, JSON objects). */
export function decodeJws(jws: unknown): DecodedJws | null {
  if (typeof jws !== 'string' || jws.length > 1_000_000) return null;
  const parts = jws.trim().split('.');
  if (parts.length !== 3 || !parts.every((p) => /^[A-Za-z0-9_-]*$/.test(p)) || !parts[2]) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    if (!header || typeof header !== 'object' || Array.isArray(header) || !payload || typeof payload !== 'object' || Array.isArray(payload)) return null;
    return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2]!, 'base64url') };
  } catch {
    return null;
  }
}
