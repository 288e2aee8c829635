import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ROOT,
  MerkleTree,
  leafHash,
  nodeHash,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
} from './merkle.tree.js';

// transparency-dev/merkle testdata (Apache-2.0), copied unmodified; see its NOTICE.md.
// The subtreeinclusion/ and subtreeconsistency/ folders test proofs for arbitrary [start, end)
// subtrees, which this module does not implement, so they are skipped.
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/merkle-testdata/', import.meta.url));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return jsonFiles(path);
      return name.endsWith('.json') ? [path] : [];
    });
}

const b64 = (s: string): Buffer => Buffer.from(s, 'base64');
const hex = (s: string): Buffer => Buffer.from(s, 'hex');
const rel = (path: string): string => path.slice(FIXTURES.length);

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}
interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

const load = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const inclusionFiles = jsonFiles(join(FIXTURES, 'inclusion'));
const consistencyFiles = jsonFiles(join(FIXTURES, 'consistency'));

// The eight leaf inputs behind the vectors' trees (fixtures README).
const VECTOR_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const vectorTree = new MerkleTree();
vectorTree.appendMany(VECTOR_LEAVES.map((h) => leafHash(hex(h))));

const leaves = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));

describe('RFC 9162 hashing', () => {
  it('hashes leaves and nodes with domain-separation prefixes', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(leafHash(new Uint8Array()).toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(nodeHash(hex('aa'), hex('bb'))).not.toEqual(nodeHash(hex('bb'), hex('aa')));
  });

  it('reproduces the vectors root of the eight README leaves', () => {
    expect(vectorTree.root().toString('hex')).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
    expect(new MerkleTree().root().equals(EMPTY_ROOT)).toBe(true);
  });

  it('does not duplicate odd nodes (CVE-2012-2459): [A,B,C] ≠ [A,B,C,C]', () => {
    const [a, b, c] = leaves(3) as [Buffer, Buffer, Buffer];
    const abc = rootFromLeafHashes([a, b, c]);
    const abcc = rootFromLeafHashes([a, b, c, c]);
    expect(abc.equals(abcc)).toBe(false);
    expect(abc).toEqual(nodeHash(nodeHash(a, b), c));
    const t = new MerkleTree();
    t.appendMany([a, b, c]);
    expect(t.root()).toEqual(abc);
    t.append(c);
    expect(t.root()).toEqual(abcc);
    expect(t.root(3)).toEqual(abc);
  });
});

describe('transparency-dev inclusion vectors', () => {
  it('found all 98 vector files', () => expect(inclusionFiles.length).toBe(98));

  it.each(inclusionFiles.map((f) => [rel(f), f]))('%s', (_name, file) => {
    const v = load<InclusionVector>(file);
    const proof = (v.proof ?? []).map(b64);
    expect(verifyInclusion(b64(v.leafHash), v.leafIdx, v.treeSize, proof, b64(v.root))).toBe(!v.wantErr);
    if (!v.wantErr && v.treeSize <= vectorTree.size && b64(v.root).equals(vectorTree.root(v.treeSize))) {
      // Our generated proof must be the very same node list.
      expect(vectorTree.inclusionProof(v.leafIdx, v.treeSize)).toEqual(proof);
    }
  });
});

describe('transparency-dev consistency vectors', () => {
  it('found all 98 vector files', () => expect(consistencyFiles.length).toBe(98));

  it.each(consistencyFiles.map((f) => [rel(f), f]))('%s', (_name, file) => {
    const v = load<ConsistencyVector>(file);
    const proof = (v.proof ?? []).map(b64);
    expect(verifyConsistency(v.size1, v.size2, proof, b64(v.root1), b64(v.root2))).toBe(!v.wantErr);
    if (!v.wantErr && v.size2 <= vectorTree.size && b64(v.root2).equals(vectorTree.root(v.size2))) {
      expect(vectorTree.consistencyProof(v.size1, v.size2)).toEqual(proof);
    }
  });
});

describe('MerkleTree', () => {
  const N = 64;
  const hashes = leaves(N);
  const tree = new MerkleTree();
  tree.appendMany(hashes);
  const roots = Array.from({ length: N + 1 }, (_, n) => rootFromLeafHashes(hashes.slice(0, n)));

  it('computes historical roots 0..64 equal to the recursive MTH', () => {
    expect(tree.size).toBe(N);
    for (let n = 0; n <= N; n++) expect(tree.root(n).toString('hex'), `size ${n}`).toBe(roots[n]!.toString('hex'));
    expect(new Set(roots.map((r) => r.toString('hex'))).size).toBe(N + 1);
  });

  it('returns stored leaf hashes as copies', () => {
    const h = tree.leafHashAt(5);
    expect(h).toEqual(hashes[5]);
    h[0] = h[0]! ^ 0xff;
    expect(tree.leafHashAt(5)).toEqual(hashes[5]);
  });

  it('generates inclusion proofs that verify for every (index, size ≤ 64)', () => {
    let checked = 0;
    for (let n = 1; n <= N; n++) {
      for (let i = 0; i < n; i++) {
        const proof = tree.inclusionProof(i, n);
        expect(verifyInclusion(hashes[i]!, i, n, proof, roots[n]!), `index ${i} size ${n}`).toBe(true);
        // The same proof must not verify a different leaf, position or size.
        expect(verifyInclusion(hashes[(i + 1) % n]!, i, n, proof, roots[n]!)).toBe(n === 1);
        if (n > 1) expect(verifyInclusion(hashes[i]!, (i + 1) % n, n, proof, roots[n]!)).toBe(false);
        expect(verifyInclusion(hashes[i]!, i, n + 1, proof, roots[n + 1] ?? roots[n]!)).toBe(false);
        checked++;
      }
    }
    expect(checked).toBe((N * (N + 1)) / 2);
  });

  it('generates consistency proofs that verify for every 0 < m ≤ n ≤ 64', () => {
    for (let n = 1; n <= N; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = tree.consistencyProof(m, n);
        expect(verifyConsistency(m, n, proof, roots[m]!, roots[n]!), `m ${m} n ${n}`).toBe(true);
        if (m < n) {
          expect(proof.length).toBeGreaterThan(0);
          expect(verifyConsistency(m, n, proof, roots[m - 1]!, roots[n]!)).toBe(false);
          expect(verifyConsistency(m, n, proof, roots[m]!, roots[n - 1]!)).toBe(false);
          expect(verifyConsistency(m, n, proof.slice(1), roots[m]!, roots[n]!)).toBe(false);
        }
      }
    }
    expect(tree.consistencyProof(0, 10)).toEqual([]);
  });

  it('rejects bad indexes and sizes with RangeError', () => {
    expect(() => tree.inclusionProof(64)).toThrow(RangeError);
    expect(() => tree.inclusionProof(3, 3)).toThrow(/leaf index 3/);
    expect(() => tree.inclusionProof(-1)).toThrow(RangeError);
    expect(() => tree.inclusionProof(0, 65)).toThrow(/tree size 65/);
    expect(() => tree.inclusionProof(1.5)).toThrow(RangeError);
    expect(() => tree.root(65)).toThrow(RangeError);
    expect(() => tree.root(Number.NaN)).toThrow(RangeError);
    expect(() => tree.consistencyProof(5, 4)).toThrow(/exceeds/);
    expect(() => tree.consistencyProof(1, 65)).toThrow(RangeError);
    expect(() => tree.leafHashAt(64)).toThrow(RangeError);
    expect(() => tree.append(Buffer.alloc(31))).toThrow(RangeError);
    expect(() => new MerkleTree().inclusionProof(0, 0)).toThrow(RangeError);
  });

  it('keeps old proofs valid and cheap on a larger tree', () => {
    const big = new MerkleTree();
    const count = 5000;
    const bigLeaves = leaves(count);
    big.appendMany(bigLeaves);
    const full = rootFromLeafHashes(bigLeaves);
    expect(big.root()).toEqual(full);
    const old = rootFromLeafHashes(bigLeaves.slice(0, 3333));
    expect(big.root(3333)).toEqual(old);
    for (const i of [0, 1, 2047, 2048, 3332, 4095, 4096, 4999]) {
      expect(verifyInclusion(bigLeaves[i]!, i, count, big.inclusionProof(i), full)).toBe(true);
    }
    expect(verifyInclusion(bigLeaves[17]!, 17, 3333, big.inclusionProof(17, 3333), old)).toBe(true);
    expect(verifyConsistency(3333, count, big.consistencyProof(3333), old, full)).toBe(true);
  });
});

describe('verifiers never throw', () => {
  const h = leafHash(Buffer.from('x'));
  const junk: unknown[] = [null, undefined, 'abc', 42, Number.NaN, -1, 1.5, 2 ** 60, {}, [h, 'x'], Buffer.alloc(0)];

  it('returns false for malformed inclusion input', () => {
    for (const j of junk) {
      const any = j as never;
      expect(verifyInclusion(any, 0, 1, [], h)).toBe(false);
      expect(verifyInclusion(h, any, 1, [], h)).toBe(false);
      expect(verifyInclusion(h, 0, any, [], h)).toBe(false);
      if (j != null) expect(verifyInclusion(h, 0, 1, any, h)).toBe(false);
      expect(verifyInclusion(h, 0, 1, [], any)).toBe(false);
    }
    expect(verifyInclusion(h, 0, 1, null, h)).toBe(true);
    expect(verifyInclusion(h, 1, 1, [], h)).toBe(false);
  });

  it('returns false for malformed consistency input', () => {
    for (const j of junk) {
      const any = j as never;
      expect(verifyConsistency(any, 2, [h], h, h)).toBe(false);
      expect(verifyConsistency(1, any, [h], h, h)).toBe(false);
      expect(verifyConsistency(1, 2, any, h, h)).toBe(false);
      expect(verifyConsistency(1, 2, [h], any, h)).toBe(false);
      expect(verifyConsistency(1, 2, [h], h, any)).toBe(false);
    }
    expect(verifyConsistency(0, 0, [], EMPTY_ROOT, EMPTY_ROOT)).toBe(true);
    expect(verifyConsistency(2, 1, [], h, h)).toBe(false);
  });
});
