import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/server.js';
import { errors, Page, PageQuery, Strict } from '../../platform/http/schemas.js';
import type { LedgerService } from './ledger.service.js';

const Index = Type.Object({ index: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }) }, Strict);
const Receipt = Type.Object({
  index: Type.Integer(),
  entry: Type.Any(),
  leafHash: Type.String(),
  proof: Type.Array(Type.String()),
  checkpoint: Type.String({ description: 'C2SP signed note: tlog-checkpoint body, ledger signature, witness cosignatures' }),
});
const Entry = Type.Object({ index: Type.Integer(), entry: Type.Any(), leafHash: Type.String(), payload: Type.Optional(Type.Any()) });
const Checkpoint = Type.Object({
  size: Type.Integer(),
  rootHash: Type.String(),
  note: Type.String(),
  createdAt: Type.String(),
  cosignatures: Type.Array(Type.Object({ witness: Type.String(), orgId: Type.String(), signedAt: Type.String() })),
});
const Witness = Type.Object({ id: Type.String(), orgId: Type.String(), name: Type.String(), verifierKey: Type.String(), status: Type.String(), createdAt: Type.String() });

/** /api/v1/ledger: the evidence ledger (存证). Checkpoints, proofs and receipts are public; entries need a login. */
export async function ledgerRoutes(app: App, svc: LedgerService): Promise<void> {
  app.get('/ledger/key', {
    config: { access: { public: true } },
    schema: { tags: ['ledger'], summary: "The ledger's checkpoint verifier key (C2SP vkey) and JWK", response: { 200: Type.Any() } },
  }, async () => svc.publicKey());

  app.get('/ledger/checkpoint', {
    config: { access: { public: true } },
    schema: { tags: ['ledger'], summary: 'Latest signed checkpoint with witness cosignatures', response: { 200: Checkpoint, ...errors(404) } },
  }, async () => svc.checkpoint());

  app.get('/ledger/checkpoints/:size', {
    config: { access: { public: true } },
    schema: { tags: ['ledger'], summary: 'A signed checkpoint by tree size', params: Type.Object({ size: Type.Integer({ minimum: 1 }) }, Strict), response: { 200: Checkpoint, ...errors(404) } },
  }, async (req) => svc.checkpoint(req.params.size));

  app.get('/ledger/consistency', {
    config: { access: { public: true } },
    schema: {
      tags: ['ledger'], summary: 'RFC 9162 consistency proof between two tree sizes',
      querystring: Type.Object({ from: Type.Integer({ minimum: 0 }), to: Type.Integer({ minimum: 0 }) }, Strict),
      response: { 200: Type.Object({ from: Type.Integer(), to: Type.Integer(), proof: Type.Array(Type.String()) }), ...errors(400) },
    },
  }, async (req) => svc.consistency(req.query.from, req.query.to));

  app.get('/ledger/entries', {
    config: { access: {} },
    schema: {
      tags: ['ledger'], summary: 'Entries by event type, organisation or subject (payloads only for their organisation and regulators)',
      querystring: Type.Object({
        type: Type.Optional(Type.String({ maxLength: 100 })),
        typePrefix: Type.Optional(Type.String({ maxLength: 100 })),
        orgId: Type.Optional(Type.String({ maxLength: 40 })),
        subjectId: Type.Optional(Type.String({ maxLength: 100 })),
        order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'desc' }),
        ...PageQuery,
      }, Strict),
      response: { 200: Page(Entry), ...errors(400, 401) },
    },
  }, async (req) => svc.entries(req.query, req.principal));

  app.get('/ledger/entries/:index', {
    config: { access: {} },
    schema: { tags: ['ledger'], summary: 'One entry', params: Index, response: { 200: Entry, ...errors(401, 404) } },
  }, async (req) => svc.entry(req.params.index, req.principal));

  app.get('/ledger/entries/:index/receipt', {
    config: { access: { public: true } },
    schema: {
      tags: ['ledger'], summary: 'Evidence receipt: entry + inclusion proof + signed checkpoint (verifiable offline)',
      params: Index, querystring: Type.Object({ size: Type.Optional(Type.Integer({ minimum: 1 })) }, Strict),
      response: { 200: Receipt, ...errors(404) },
    },
  }, async (req) => svc.receipt(req.params.index, req.query.size));

  app.get('/ledger/events/:eventId/receipt', {
    config: { access: { public: true } },
    schema: { tags: ['ledger'], summary: 'Receipt for an event id (404 until the sequencer has integrated it)', params: Type.Object({ eventId: Type.String({ pattern: '^evt_[0-9a-z]{20}$' }) }, Strict), response: { 200: Receipt, ...errors(404) } },
  }, async (req) => svc.receipt(await svc.indexOfEvent(req.params.eventId)));

  app.get('/ledger/witnesses', {
    config: { access: { public: true } },
    schema: { tags: ['ledger'], summary: 'Registered witnesses', response: { 200: Type.Object({ items: Type.Array(Witness) }) } },
  }, async () => ({ items: await svc.listWitnesses() }));

  app.post('/ledger/witnesses', {
    config: { access: { roles: ['regulator'], memberRoles: ['org_admin'] }, event: 'ledger.witness.registered' },
    schema: { tags: ['ledger'], summary: "Register a witness public key for the caller's regulator organisation", body: Type.Object({ verifierKey: Type.String({ minLength: 10, maxLength: 500 }) }, Strict), response: { 201: Witness, ...errors(400, 401, 403, 409) } },
  }, async (req, reply) => reply.code(201).send(await svc.registerWitness(req.body.verifierKey, req.principal!, req.id)));

  app.post('/ledger/checkpoints/:size/cosignatures', {
    config: { access: { roles: ['regulator'] }, event: 'ledger.checkpoint.cosigned' },
    schema: {
      tags: ['ledger'], summary: 'Post a witness cosignature (C2SP cosignature/v1 signature line)',
      params: Type.Object({ size: Type.Integer({ minimum: 1 }) }, Strict),
      body: Type.Object({ cosignature: Type.String({ minLength: 10, maxLength: 1000 }) }, Strict),
      response: { 201: Type.Object({ size: Type.Integer(), witness: Type.String(), signedAt: Type.String() }), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.addCosignature(req.params.size, req.body.cosignature, req.principal!, req.id)));

  app.post('/ledger/attestations', {
    config: { access: { memberRoles: ['org_admin', 'staff'] }, event: 'ledger.attestation.recorded' },
    schema: {
      tags: ['ledger'], summary: '存证: record the SHA-256 digest of a document for your organisation',
      body: Type.Object({ digest: Type.String({ pattern: '^sha256:[0-9a-f]{64}$' }), title: Type.String({ minLength: 1, maxLength: 200 }) }, Strict),
      response: { 201: Type.Object({ id: Type.String(), eventId: Type.String(), digest: Type.String(), title: Type.String(), createdAt: Type.String() }), ...errors(400, 401, 403) },
    },
  }, async (req, reply) => reply.code(201).send(await svc.attest(req.body, req.principal!, req.id)));
}

/** The platform's own did:web document, carrying the ledger key. */
export async function ledgerPublicRoutes(app: App, svc: LedgerService, did: () => string): Promise<void> {
  app.get('/.well-known/did.json', { config: { access: { public: true } }, schema: { hide: true } }, async (_req, reply) => {
    const key = await svc.publicKey();
    const id = did();
    reply.type('application/did+json');
    return {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/jwk/v1'],
      id,
      verificationMethod: [{ id: `${id}#ledger-${key.keyId}`, type: 'JsonWebKey', controller: id, publicKeyJwk: key.publicJwk, 'liutong:noteVerifierKey': key.verifierKey }],
      assertionMethod: [`${id}#ledger-${key.keyId}`],
    };
  });
}
