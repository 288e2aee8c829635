import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createSigner,
  createVerifier,
  generateKeyPair,
  isSignatureAlgorithm,
  jwkThumbprint,
  rawPublicKey,
  SigningError,
  verifySignature,
  type JsonWebKey,
  type SignatureAlgorithm,
} from './signing.js';

// RFC 8037 Appendix A.1 example Ed25519 key.
const RFC8037_PUBLIC: JsonWebKey = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
const RFC8037_PRIVATE_D = 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A';

const data = Buffer.from('流通 evidence record #1', 'utf8');

function expectSigningError(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(SigningError);
  expect((caught as SigningError).code).toBe(code);
}

describe('Ed25519 signing', () => {
  const pair = generateKeyPair('Ed25519');
  const signer = createSigner('Ed25519', 'key-1', pair.privateKeyPkcs8Der);

  it('generates a PKCS#8 key and a public-only RFC 8037 JWK', () => {
    expect(Object.keys(pair.publicKeyJwk).sort()).toEqual(['crv', 'kty', 'x']);
    expect(pair.publicKeyJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(rawPublicKey(pair.publicKeyJwk)).toHaveLength(32);
    expect(signer.publicKeyJwk).toEqual(pair.publicKeyJwk);
    expect(signer.algorithm).toBe('Ed25519');
    expect(signer.keyId).toBe('key-1');
  });

  it('signs and verifies', () => {
    const signature = signer.sign(data);
    expect(signature).toHaveLength(64);
    expect(verifySignature('Ed25519', pair.publicKeyJwk, data, signature)).toBe(true);
    expect(verifySignature('Ed25519', pair.publicKeyJwk, new Uint8Array(data), new Uint8Array(signature))).toBe(true);
    const verifier = createVerifier('Ed25519', pair.publicKeyJwk);
    expect(verifier.keyId).toBe(jwkThumbprint(pair.publicKeyJwk));
    expect(verifier.verify(data, signature)).toBe(true);
  });

  it('reproduces the RFC 8037 A.4 signature', () => {
    const der = createPrivateKey({ key: { ...RFC8037_PUBLIC, d: RFC8037_PRIVATE_D }, format: 'jwk' }).export({ format: 'der', type: 'pkcs8' });
    const rfcSigner = createSigner('Ed25519', 'rfc', der);
    expect(rfcSigner.publicKeyJwk).toEqual(RFC8037_PUBLIC);
    const input = Buffer.from('eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc', 'ascii');
    const expected = 'hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg';
    expect(rfcSigner.sign(input).toString('base64url')).toBe(expected);
    expect(verifySignature('Ed25519', RFC8037_PUBLIC, input, Buffer.from(expected, 'base64url'))).toBe(true);
  });

  it('rejects a signature under the wrong key', () => {
    const other = generateKeyPair('Ed25519');
    expect(verifySignature('Ed25519', other.publicKeyJwk, data, signer.sign(data))).toBe(false);
  });

  it('rejects tampered data and tampered signatures', () => {
    const signature = signer.sign(data);
    const tamperedData = Buffer.from(data);
    tamperedData[0] = (tamperedData[0] ?? 0) ^ 0x01;
    expect(verifySignature('Ed25519', pair.publicKeyJwk, tamperedData, signature)).toBe(false);
    const tamperedSig = Buffer.from(signature);
    tamperedSig[10] = (tamperedSig[10] ?? 0) ^ 0x01;
    expect(verifySignature('Ed25519', pair.publicKeyJwk, data, tamperedSig)).toBe(false);
  });

  it('returns false, never throws, for malformed keys and signatures', () => {
    const signature = signer.sign(data);
    const badKeys: unknown[] = [
      {},
      null,
      { kty: 'OKP', crv: 'Ed448', x: RFC8037_PUBLIC.x },
      { kty: 'EC', crv: 'P-256', x: RFC8037_PUBLIC.x },
      { kty: 'OKP', crv: 'Ed25519' },
      { kty: 'OKP', crv: 'Ed25519', x: 'not base64url!' },
      { kty: 'OKP', crv: 'Ed25519', x: Buffer.alloc(31).toString('base64url') },
      { kty: 'OKP', crv: 'Ed25519', x: `${RFC8037_PUBLIC.x}=` },
    ];
    for (const key of badKeys) expect(verifySignature('Ed25519', key as JsonWebKey, data, signature)).toBe(false);
    expect(verifySignature('Ed25519', pair.publicKeyJwk, data, signature.subarray(0, 63))).toBe(false);
    expect(verifySignature('Ed25519', pair.publicKeyJwk, data, Buffer.alloc(0))).toBe(false);
    expect(verifySignature('Ed25519', pair.publicKeyJwk, data, 'sig' as unknown as Uint8Array)).toBe(false);
  });

  it('rejects unknown algorithms', () => {
    const sm2 = 'SM2-SM3' as unknown as SignatureAlgorithm;
    expect(isSignatureAlgorithm('Ed25519')).toBe(true);
    expect(isSignatureAlgorithm('SM2-SM3')).toBe(false);
    expectSigningError(() => generateKeyPair(sm2), 'SIGNING_UNSUPPORTED_ALGORITHM');
    expectSigningError(() => createSigner(sm2, 'k', pair.privateKeyPkcs8Der), 'SIGNING_UNSUPPORTED_ALGORITHM');
    expectSigningError(() => createVerifier(sm2, pair.publicKeyJwk), 'SIGNING_UNSUPPORTED_ALGORITHM');
    expect(verifySignature(sm2, pair.publicKeyJwk, data, signer.sign(data))).toBe(false);
    expect(verifySignature('RS256' as unknown as SignatureAlgorithm, pair.publicKeyJwk, data, signer.sign(data))).toBe(false);
  });

  it('refuses private keys that are not Ed25519 PKCS#8', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'der', type: 'pkcs8' });
    expectSigningError(() => createSigner('Ed25519', 'k', ec), 'SIGNING_INVALID_KEY');
    expectSigningError(() => createSigner('Ed25519', 'k', Buffer.from('garbage')), 'SIGNING_INVALID_KEY');
    expectSigningError(() => createVerifier('Ed25519', { kty: 'OKP', crv: 'Ed25519' }), 'SIGNING_INVALID_KEY');
  });
});

describe('JWK helpers', () => {
  it('computes the RFC 8037 §A.3 thumbprint (RFC 7638, SHA-256)', () => {
    expect(jwkThumbprint(RFC8037_PUBLIC)).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
    // Non-required members (and a private "d") do not change the thumbprint.
    expect(jwkThumbprint({ ...RFC8037_PUBLIC, d: RFC8037_PRIVATE_D, use: 'sig', kid: 'x' })).toBe(
      'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k',
    );
  });

  it('computes the RFC 7638 §3.1 RSA example thumbprint', () => {
    const n =
      '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw';
    expect(jwkThumbprint({ kty: 'RSA', n, e: 'AQAB', alg: 'RS256', kid: '2011-04-29' })).toBe(
      'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
    );
  });

  it('refuses thumbprints of incomplete or unknown keys', () => {
    expectSigningError(() => jwkThumbprint({ kty: 'OKP', crv: 'Ed25519' }), 'SIGNING_INVALID_KEY');
    expectSigningError(() => jwkThumbprint({ kty: 'XYZ' }), 'SIGNING_INVALID_KEY');
    expectSigningError(() => jwkThumbprint({}), 'SIGNING_INVALID_KEY');
  });

  it('extracts the raw 32-byte Ed25519 public key', () => {
    const raw = rawPublicKey(RFC8037_PUBLIC);
    expect(raw.toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expectSigningError(() => rawPublicKey({ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }), 'SIGNING_INVALID_KEY');
    expectSigningError(() => rawPublicKey({ kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }), 'SIGNING_INVALID_KEY');
  });
});
