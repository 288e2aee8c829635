/**
 * ledger — the evidence ledger (存证): an append-only RFC 9162 Merkle log of every domain event,
 * C2SP signed checkpoints, inclusion and consistency proofs, receipts, witness cosignatures and
 * offline verification. It consumes the platform outbox and never calls another module.
 */
import type { Kernel } from '../../platform/kernel.js';
import './ledger.events.js';
import { ledgerMigrations } from './ledger.migrations.js';
import { ledgerPublicRoutes, ledgerRoutes } from './ledger.routes.js';
import { Sequencer } from './ledger.sequencer.js';
import { LedgerService } from './ledger.service.js';

export { LedgerErrors } from './ledger.errors.js';
export { verifyReceipt, type ReceiptCheck } from './receipt.verifier.js';
export { verifyStoredLedger, type LedgerVerification, type TrustedCheckpoint } from './ledger.verifier.js';
export { runWitness, type WitnessResult, type WitnessState } from './witness.client.js';
export { cosignCheckpoint, generateNoteKey, verifierKeyFromPublicKey, parseCheckpointBody, openNote, parseVerifierKey, witnessVerifierKey, parseWitnessSignerKey } from './signed-note.codec.js';
export type { LedgerService, Receipt } from './ledger.service.js';
export type { LedgerEntry } from './ledger.sequencer.js';
/** RFC 9162 Merkle hashing and proofs, for modules that commit batches of their own records (e.g. the gateway's call commitments). */
export { leafHash, nodeHash, rootFromLeafHashes, MerkleTree, verifyInclusion } from './merkle.tree.js';

export const ledgerModule = {
  name: 'ledger',
  migrations: ledgerMigrations,
  create(kernel: Kernel) {
    const sequencer = new Sequencer(kernel);
    // The ledger is the outbox's sink: every committed event becomes an entry in its batch.
    kernel.relay.setSink(sequencer.sink);
    return { service: new LedgerService(kernel, sequencer), sequencer };
  },
  routes: ledgerRoutes,
  publicRoutes: ledgerPublicRoutes,
};
