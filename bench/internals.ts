/**
 * The ledger internals the benchmarks use directly. A benchmark measures the parts below the
 * module's public face (the Merkle tree, leaf hashing, checkpoint signing), so this one file is
 * exempt from the module-boundary rule; nothing outside bench/ imports it.
 */
/* eslint-disable liutong/module-boundary */
export { leafHash, MerkleTree } from '../src/modules/ledger/merkle.tree.js';
export { digestOf, type LedgerEntry } from '../src/modules/ledger/ledger.sequencer.js';
export { formatCheckpointBody, signNote } from '../src/modules/ledger/signed-note.codec.js';
