import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MerkleTree, leafHash } from './merkle.tree.js';
import {
  ALG_COSIGNATURE_V1,
  ALG_ED25519,
  CheckpointFormatError,
  InvalidNoteSignatureError,
  NoteFormatError,
  NoteKeyError,
  UnverifiedNoteError,
  addSignatureLines,
  cosignCheckpoint,
  ed25519PrivateKeyFromSeed,
  ed25519PublicKeyFromRaw,
  ed25519SeedFromPrivateKey,
  formatCheckpointBody,
  generateNoteKey,
  noteKeyHash,
  openNote,
  openNoteStrict,
  parseCheckpointBody,
  parseCosignatureLine,
  parseSignerKey,
  parseVerifierKey,
  parseWitnessSignerKey,
  parseWitnessVerifierKey,
  rawEd25519PublicKey,
  signNote,
  signerKeyFromKeyObject,
  verifierKeyFromKeyObject,
  verifierKeyFromPublicKey,
  verifyCosignature,
  witnessVerifierKey,
} from './signed-note.codec.js';

// Vectors from golang.org/x/mod/sumdb/note note_test.go (golang/mod; TestNewVerifier, TestSign, TestOpen).
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';
const PETER_B64 = PETER_SIG.slice(2 + 'PeterNeumann '.length, -1);
const ENOCH_B64 = ENOCH_SIG.slice(2 + 'EnochRoot '.length, -1);
/** Inserts "ABCD" at UTF-8 byte offset 60 of a line, as Go's test does with sig[:60]+"ABCD"+sig[60:]. */
const corrupt = (line: string): string => {
  const b = Buffer.from(line, 'utf8');
  return Buffer.concat([b.subarray(0, 60), Buffer.from('ABCD'), b.subarray(60)]).toString('utf8');
};

describe('keys (Go note key formats)', () => {
  it('parses the Go vectors and recomputes their key hashes', () => {
    const v = parseVerifierKey(PETER_VKEY);
    const s = parseSignerKey(PETER_SKEY);
    expect(v).toMatchObject({ name: 'PeterNeumann', keyHash: 0xc74f20a3, algorithm: ALG_ED25519 });
    expect(s.keyHash).toBe(0xc74f20a3);
    expect(s.publicKey).toEqual(v.publicKey);
    expect(noteKeyHash('PeterNeumann', ALG_ED25519, v.publicKey)).toBe(0xc74f20a3);
    expect(verifierKeyFromPublicKey('PeterNeumann', v.publicKey)).toBe(PETER_VKEY);
    expect(signerKeyFromKeyObject('PeterNeumann', s.privateKey)).toBe(PETER_SKEY);
    expect(verifierKeyFromKeyObject('PeterNeumann', v.keyObject)).toBe(PETER_VKEY);
    expect(parseVerifierKey(ENOCH_VKEY).keyHash).toBe(0xaf0cfe78);
  });

  it('rejects every substring and single-byte mangling of the Go keys (TestNewVerifier/TestNewSigner)', () => {
    for (const [key, parse] of [
      [PETER_VKEY, parseVerifierKey],
      [PETER_SKEY, parseSignerKey],
    ] as const) {
      const b = Buffer.from(key);
      let rejected = 0;
      for (let i = 0; i <= b.length; i++) {
        for (let j = i + 1; j <= b.length; j++) {
          if (i === 0 && j === b.length) continue;
          expect(() => parse(b.subarray(i, j).toString()), b.subarray(i, j).toString()).toThrow(NoteKeyError);
          rejected++;
        }
      }
      for (let i = 0; i < b.length; i++) {
        b[i]! += 1;
        expect(() => parse(b.toString()), b.toString()).toThrow(NoteKeyError);
        b[i]! -= 1;
        rejected++;
      }
      expect(rejected).toBe((b.length * (b.length + 1)) / 2 - 1 + b.length);
    }
    // Wrong key length and unknown algorithm, each with an adjusted key hash (Go vectors).
    expect(() => parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==')).toThrow(NoteKeyError);
    expect(() => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(NoteKeyError);
  });

  it('generates self-consistent keys and converts to and from KeyObjects', () => {
    const { signerKey, verifierKey } = generateNoteKey('EnochRoot');
    const s = parseSignerKey(signerKey);
    const v = parseVerifierKey(verifierKey);
    expect(s.keyHash).toBe(v.keyHash);
    expect(v.name).toBe('EnochRoot');
    expect(openNoteStrict(signNote('hi\n', [s]), [v]).sigs[0]?.verified).toBe(true);
    const seed = ed25519SeedFromPrivateKey(s.privateKey);
    expect(rawEd25519PublicKey(ed25519PrivateKeyFromSeed(seed))).toEqual(v.publicKey);
    expect(rawEd25519PublicKey(ed25519PublicKeyFromRaw(v.publicKey))).toEqual(v.publicKey);
    const { publicKey } = generateKeyPairSync('x25519');
    expect(() => rawEd25519PublicKey(publicKey)).toThrow(NoteKeyError);
  });

  it('validates key names', () => {
    for (const bad of ['', 'a+b', 'a b', 'a\tb', 'a\u00a0b', 'a\u3000b', 'a\u0001b', '\ud800'] as const) {
      expect(() => generateNoteKey(bad), JSON.stringify(bad)).toThrow(NoteKeyError);
    }
    expect(() => verifierKeyFromPublicKey('x', Buffer.alloc(31))).toThrow(NoteKeyError);
    expect(generateNoteKey('example.com/log-1').verifierKey.startsWith('example.com/log-1+')).toBe(true);
  });
});

describe('signed notes', () => {
  it('reproduces the Go note byte for byte (TestSign)', () => {
    expect(signNote(TEXT, [PETER_SKEY])).toBe(`${TEXT}\n${PETER_SIG}`);
    expect(() => signNote('abc', [PETER_SKEY])).toThrow(NoteFormatError);
    expect(() => signNote('a\u0007b\n', [PETER_SKEY])).toThrow(NoteFormatError);
  });

  it('opens the Go notes (TestOpen)', () => {
    const note = `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`;
    expect(openNote(note, [PETER_VKEY])).toEqual({
      text: TEXT,
      sigs: [
        { name: 'PeterNeumann', keyHash: 0xc74f20a3, base64: PETER_B64, verified: true },
        { name: 'EnochRoot', keyHash: 0xaf0cfe78, base64: ENOCH_B64, verified: false },
      ],
    });
    expect(openNote(note, [PETER_VKEY, ENOCH_VKEY]).sigs.map((s) => s.verified)).toEqual([true, true]);
    expect(openNote(Buffer.from(note), [ENOCH_VKEY]).sigs.map((s) => s.verified)).toEqual([false, true]);
    expect(() => openNoteStrict(note, [])).toThrow(UnverifiedNoteError);
    try {
      openNoteStrict(note, []);
    } catch (e) {
      expect((e as UnverifiedNoteError).note.sigs).toHaveLength(2);
      expect((e as Error).message).toBe('note has no verifiable signatures');
    }
  });

  it('drops repeated signatures and keeps distinct unknown ones', () => {
    const note = `${TEXT}\n${PETER_SIG}${PETER_SIG}${ENOCH_SIG}${ENOCH_SIG}${corrupt(ENOCH_SIG)}`;
    const sigs = openNote(note, [PETER_VKEY]).sigs;
    expect(sigs.map((s) => [s.name, s.verified])).toEqual([
      ['PeterNeumann', true],
      ['EnochRoot', false],
      ['EnochRoot', false],
    ]);
    expect(sigs[2]?.base64).toBe(corrupt(ENOCH_SIG).slice(2 + 'EnochRoot '.length, -1));
  });

  it('rejects a known key whose signature fails and ambiguous verifiers', () => {
    expect(() => openNote(`${TEXT}\n${corrupt(PETER_SIG)}`, [PETER_VKEY])).toThrow(
      new InvalidNoteSignatureError('PeterNeumann', 0xc74f20a3),
    );
    const impostor = generateNoteKey('EnochRoot').verifierKey; // same name, other key hash: unknown
    expect(openNote(`${TEXT}\n${ENOCH_SIG}`, [impostor]).sigs[0]?.verified).toBe(false);
    expect(openNote(`${TEXT}\n${ENOCH_SIG}`, [ENOCH_VKEY, PETER_VKEY, ENOCH_VKEY]).sigs[0]?.verified).toBe(true);
  });

  it('rejects tampering: text byte, signature byte, wrong key, reordered lines', () => {
    const note = signNote(TEXT, [PETER_SKEY]);
    expect(() => openNote(note.replace('cryptography', 'cryptographY'), [PETER_VKEY])).toThrow(InvalidNoteSignatureError);
    const [line1, line2] = TEXT.split('\n');
    expect(() => openNote(`${line2}\n${line1}\n\n${PETER_SIG}`, [PETER_VKEY])).toThrow(InvalidNoteSignatureError);
    const sigBytes = Buffer.from(PETER_B64, 'base64');
    sigBytes[10]! ^= 0x01;
    expect(() => openNote(`${TEXT}\n— PeterNeumann ${sigBytes.toString('base64')}\n`, [PETER_VKEY])).toThrow(InvalidNoteSignatureError);
    const other = generateNoteKey('PeterNeumann');
    expect(() => openNoteStrict(note, [other.verifierKey])).toThrow(UnverifiedNoteError);
    // Signature lines each cover only the text, so their order is not significant.
    expect(openNote(`${TEXT}\n${ENOCH_SIG}${PETER_SIG}`, [PETER_VKEY, ENOCH_VKEY]).sigs.map((s) => s.verified)).toEqual([true, true]);
  });

  it('raises NoteFormatError for malformed notes (Go badMsgs and more)', () => {
    const bad: (string | Uint8Array)[] = [
      TEXT,
      `${TEXT}\n`,
      `${TEXT}\n${PETER_SIG.slice(0, -1)}`,
      `\u0001${TEXT}\n${PETER_SIG}`,
      Buffer.concat([Buffer.from([0xff]), Buffer.from(`${TEXT}\n${PETER_SIG}`)]),
      `${TEXT}\n— Bad Name ${PETER_B64}`,
      `${TEXT}\n${PETER_SIG}Unexpected line.\n`,
      `${TEXT}\n- PeterNeumann ${PETER_B64}\n`, // hyphen, not em dash
      `${TEXT}\n— PeterNeumann ${PETER_B64.slice(1)}\n`, // bad base64
      `${TEXT}\n— PeterNeumann x08go/ZJ=\n`, // non-canonical base64
      `${TEXT}\n— PeterNeumann AAAA\n`, // shorter than key ID + 1 byte
      `${TEXT}\n— PeterNeumann\n`,
      `${TEXT}\n${PETER_SIG.repeat(101)}`,
    ];
    for (const msg of bad) {
      expect(() => openNote(msg, [PETER_VKEY]), String(msg)).toThrow(NoteFormatError);
      expect(() => openNote(msg, []), String(msg)).toThrow(NoteFormatError);
    }
    expect(openNote(`${TEXT}\n${PETER_SIG.repeat(100)}`, [PETER_VKEY]).sigs).toHaveLength(1);
  });

  it('splits at the last blank line so texts may contain blank lines', () => {
    const s = parseSignerKey(PETER_SKEY);
    for (const text of ['a\n\nb\n', 'Note\n\n', '\n']) {
      expect(openNoteStrict(signNote(text, [s]), [PETER_VKEY]).text).toBe(text);
    }
  });
});

describe('checkpoints (tlog-checkpoint)', () => {
  const example = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';

  it('parses and formats the C2SP example and extension lines', () => {
    const cp = parseCheckpointBody(example);
    expect(cp).toMatchObject({ origin: 'example.com/behind-the-sofa', size: 20852163, extensions: [] });
    expect(cp.rootHash.toString('hex')).toBe('0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62');
    expect(formatCheckpointBody(cp)).toBe(example);
    const ext = formatCheckpointBody({ origin: 'o', size: 0, rootHash: Buffer.alloc(32), extensions: ['x y'] });
    expect(ext).toBe(`o\n0\n${Buffer.alloc(32).toString('base64')}\nx y\n`);
    expect(parseCheckpointBody(ext).extensions).toEqual(['x y']);
  });

  it('validates strictly', () => {
    const root = Buffer.alloc(32, 7).toString('base64');
    for (const bad of [
      `o\n1\n${root}`, // no final newline
      `\n1\n${root}\n`,
      `o\n01\n${root}\n`,
      `o\n-1\n${root}\n`,
      `o\n+1\n${root}\n`,
      `o\n1e3\n${root}\n`,
      `o\n 1\n${root}\n`,
      `o\n9007199254740993\n${root}\n`,
      `o\n1\n${Buffer.alloc(31).toString('base64')}\n`,
      `o\n1\n${root.slice(0, -1)}\n`,
      `o\n1\n${root}\n\n`,
      `o\n1\n`,
      `o\u0000\n1\n${root}\n`,
    ]) {
      expect(() => parseCheckpointBody(bad), JSON.stringify(bad)).toThrow(CheckpointFormatError);
    }
    expect(() => formatCheckpointBody({ origin: '', size: 1, rootHash: Buffer.alloc(32) })).toThrow(CheckpointFormatError);
    expect(() => formatCheckpointBody({ origin: 'o', size: -1, rootHash: Buffer.alloc(32) })).toThrow(CheckpointFormatError);
    expect(() => formatCheckpointBody({ origin: 'o', size: 1, rootHash: Buffer.alloc(31) })).toThrow(CheckpointFormatError);
    expect(() => formatCheckpointBody({ origin: 'o', size: 1, rootHash: Buffer.alloc(32), extensions: [''] })).toThrow(CheckpointFormatError);
  });
});

describe('cosignatures (tlog-cosignature cosignature/v1)', () => {
  const tree = new MerkleTree();
  tree.appendMany(['a', 'b', 'c'].map((s) => leafHash(Buffer.from(s))));
  const body = formatCheckpointBody({ origin: 'liutong.example/log', size: 3, rootHash: tree.root() });
  const log = generateNoteKey('liutong.example/log');
  const witness = generateNoteKey('witness.example/w1');
  const witnessPub = parseVerifierKey(witness.verifierKey).publicKey;
  const line = cosignCheckpoint(body, witness.signerKey, 1679315147);

  it('computes witness keys with type 0x04 and accepts both vkey forms', () => {
    const vkey = witnessVerifierKey('witness.example/w1', witnessPub);
    const hash = noteKeyHash('witness.example/w1', ALG_COSIGNATURE_V1, witnessPub);
    expect(vkey).toBe(`witness.example/w1+${hash.toString(16).padStart(8, '0')}+${Buffer.concat([Buffer.from([4]), witnessPub]).toString('base64')}`);
    expect(parseWitnessVerifierKey(vkey)).toMatchObject({ keyHash: hash, algorithm: ALG_COSIGNATURE_V1 });
    expect(parseWitnessVerifierKey(witness.verifierKey)).toMatchObject({ keyHash: hash, algorithm: ALG_COSIGNATURE_V1 });
    expect(parseWitnessSignerKey(witness.signerKey).keyHash).toBe(hash);
    expect(hash).not.toBe(parseVerifierKey(witness.verifierKey).keyHash);
    // transparency-dev/formats note_cosigv1_test.go TestCoSigV1NewVerifier: a native 0x04 vkey.
    expect(parseVerifierKey('remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2').keyHash).toBe(0xda77ade7);
    expect(parseWitnessVerifierKey('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6').algorithm).toBe(ALG_COSIGNATURE_V1);
  });

  it('formats the signature line as key ID ‖ u64 timestamp ‖ signature', () => {
    expect(line.startsWith('— witness.example/w1 ')).toBe(true);
    expect(line.endsWith('\n')).toBe(true);
    const parsed = parseCosignatureLine(line);
    expect(parsed.timestamp).toBe(1679315147n);
    expect(parsed.keyHash).toBe(noteKeyHash('witness.example/w1', ALG_COSIGNATURE_V1, witnessPub));
    expect(parsed.signature).toHaveLength(64);
    // transparency-dev/formats TestCoSigV1Timestamp vector.
    const formats = '— w ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==';
    expect(parseCosignatureLine(formats).timestamp).toBe(1727964367n);
    expect(() => parseCosignatureLine(PETER_SIG)).toThrow(NoteFormatError);
  });

  it('verifies with either vkey form and rejects tampering', () => {
    expect(verifyCosignature(body, line, witness.verifierKey)).toEqual({ valid: true, timestamp: 1679315147 });
    expect(verifyCosignature(body, line.trimEnd(), witnessVerifierKey('witness.example/w1', witnessPub)).valid).toBe(true);
    const tamperedBody = body.replace('\n3\n', '\n4\n');
    expect(verifyCosignature(tamperedBody, line, witness.verifierKey)).toMatchObject({ valid: false, timestamp: null });
    const lines = body.split('\n');
    expect(verifyCosignature(`${lines[0]}\n${lines[2]}\n${lines[1]}\n`, line, witness.verifierKey).valid).toBe(false);
    const payload = Buffer.from(line.trimEnd().split(' ')[2]!, 'base64');
    for (const offset of [5, 11, 12, 75]) {
      const p = Buffer.from(payload);
      p[offset]! ^= 0x01; // timestamp bytes 4..11, signature 12..75
      expect(verifyCosignature(body, `— witness.example/w1 ${p.toString('base64')}\n`, witness.verifierKey).valid, `byte ${offset}`).toBe(false);
    }
    const other = generateNoteKey('witness.example/w1');
    expect(verifyCosignature(body, line, other.verifierKey)).toMatchObject({ valid: false, reason: 'line is not from this witness key' });
    expect(verifyCosignature(body, 'garbage', witness.verifierKey).valid).toBe(false);
    // A plain note signature by the same key is not a cosignature (domain separation).
    const plain = signNote(body, [witness.signerKey]).split('\n\n')[1]!;
    expect(verifyCosignature(body, plain, witness.verifierKey).valid).toBe(false);
  });

  it('builds a cosigned checkpoint note that opens with log and witness keys', () => {
    const note = addSignatureLines(signNote(body, [log.signerKey]), [line, line]);
    expect(note.split('\n— ')).toHaveLength(3);
    const witnessVkey = witnessVerifierKey('witness.example/w1', witnessPub);
    const opened = openNoteStrict(note, [log.verifierKey, witnessVkey]);
    expect(opened.text).toBe(body);
    expect(opened.sigs.map((s) => [s.name, s.verified, s.timestamp])).toEqual([
      ['liutong.example/log', true, undefined],
      ['witness.example/w1', true, 1679315147],
    ]);
    expect(openNote(note, [log.verifierKey]).sigs[1]?.verified).toBe(false);
    expect(() => openNote(note.replace('\n3\n', '\n4\n'), [witnessVkey])).toThrow(InvalidNoteSignatureError);
    expect(() => addSignatureLines(note, ['not a signature'])).toThrow(NoteFormatError);
    expect(() => addSignatureLines(body, [line])).toThrow(NoteFormatError);
  });

  it('validates cosigning inputs', () => {
    expect(() => cosignCheckpoint('not a checkpoint\n', witness.signerKey, 1)).toThrow(CheckpointFormatError);
    expect(() => cosignCheckpoint(body, witness.signerKey, -1)).toThrow(RangeError);
    expect(() => cosignCheckpoint(body, witness.signerKey, 1.5)).toThrow(RangeError);
    expect(() => cosignCheckpoint(body, witness.signerKey, 2n ** 63n)).toThrow(RangeError);
    expect(() => signNote(body, [parseWitnessSignerKey(witness.signerKey)])).toThrow(NoteKeyError);
  });
});
