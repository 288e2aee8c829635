import type { Principal } from '../../platform/http/access.js';
import type { Seal, SealCheck } from '../identity/index.js';
import type { TransactionFacts } from '../certificates/index.js';

/** A seal as identity's seal service returns it (stored whole, verifiable with its public key). */
export type StoredSeal = Seal;

/** identity's electronic seals (电子印章), as much as the exchange needs. */
export interface ContractSealer {
  sign(orgId: string, payload: unknown, by: Principal | null, purpose?: string, requestId?: string): Promise<Seal>;
  verify(payload: unknown, seal: unknown): Promise<SealCheck>;
}

/** What every seal on a contract signs: its number and the SHA-256 of its document. */
export const contractSealPayload = (number: string, documentDigest: string) => ({ type: 'liutong.exchange.contract', number, documentDigest });

/** The certificates module, as much as the exchange needs: the transaction certificate (交易凭证). */
export interface TransactionCertifier {
  issueTransaction(facts: TransactionFacts, by: Principal | null, requestId?: string): Promise<{ id: string }>;
}
