/**
 * RFC 9162 (Certificate Transparency v2) Merkle hash tree, proofs and proof verification.
 *
 * - Hashing (RFC 9162 §2.1.1): leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right);
 *   a tree of n > 1 leaves splits at k, the largest power of two strictly below n. Odd nodes are
 *   never duplicated, so [A,B,C] and [A,B,C,C] have different roots (CVE-2012-2459).
 * - Storage: `levels[h]` holds, back to back, the 32-byte hashes of every *complete* perfect
 *   subtree of 2^h leaves aligned at a multiple of 2^h (level 0 = leaf hashes). Any node of the
 *   tree at any historical size is either such a perfect subtree or a right-edge node that folds
 *   O(log n) of them, so roots and proofs for any size ≤ the current size cost O(log n) hashes.
 */
import * as nodeCrypto from 'node:crypto';

export const HASH_SIZE = 32;

// One-shot crypto.hash (Node ≥ 20.12) is markedly faster than createHash for 65-byte inputs.
type OneShot = (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer;
const oneShot = (nodeCrypto as unknown as { hash?: OneShot }).hash;
const sha256 = (data: Uint8Array): Buffer =>
  oneShot ? oneShot('sha256', data, 'buffer') : nodeCrypto.createHash('sha256').update(data).digest();

/** MTH({}) = SHA-256() (RFC 9162 §2.1.1). */
export const EMPTY_ROOT: Buffer = sha256(new Uint8Array());

/** RFC 9162 §2.1.1: MTH({d(0)}) = SHA-256(0x00 ‖ d(0)). */
export function leafHash(data: Uint8Array): Buffer {
  const input = Buffer.allocUnsafe(data.length + 1);
  input[0] = 0x00;
  input.set(data, 1);
  return sha256(input);
}

const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE); // reused; hashing is synchronous

/** RFC 9162 §2.1.1: interior node = SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    return nodeCrypto.createHash('sha256').update(Buffer.from([0x01])).update(left).update(right).digest();
  }
  nodeInput[0] = 0x01;
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return sha256(nodeInput);
}

/** Largest power of two strictly less than n (n ≥ 2), exact for all safe integers. */
function splitPoint(n: number): number {
  let k = 2 ** Math.floor(Math.log2(n - 1));
  while (k >= n) k /= 2;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && n % 2 === 0) n /= 2;
  return n === 1;
}

/** Straight recursive MTH (RFC 9162 §2.1.1) over leaf hashes; O(n), for full verification. */
export function rootFromLeafHashes(hashes: readonly Uint8Array[]): Buffer {
  const mth = (lo: number, hi: number): Buffer => {
    const n = hi - lo;
    if (n === 1) return Buffer.from(hashes[lo]!);
    const k = splitPoint(n);
    return nodeHash(mth(lo, lo + k), mth(lo + k, hi));
  };
  return hashes.length === 0 ? Buffer.from(EMPTY_ROOT) : mth(0, hashes.length);
}

/** An append-only buffer of 32-byte hashes (one per tree level). */
class HashLevel {
  private buf = Buffer.allocUnsafe(HASH_SIZE * 64);
  count = 0;

  push(hash: Uint8Array): void {
    if ((this.count + 1) * HASH_SIZE > this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.count * HASH_SIZE);
      this.buf = bigger;
    }
    this.buf.set(hash, this.count * HASH_SIZE);
    this.count += 1;
  }

  /** A view (not a copy) of hash i; callers must copy before handing it out. */
  view(i: number): Buffer {
    return this.buf.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);
  }
}

export class MerkleTree {
  private readonly levels: HashLevel[] = [new HashLevel()];

  get size(): number {
    return this.levels[0]!.count;
  }

  /** Appends one 32-byte leaf hash (see `leafHash`); completes perfect subtrees eagerly. */
  append(hash: Uint8Array): void {
    if (!(hash instanceof Uint8Array) || hash.length !== HASH_SIZE) {
      throw new RangeError(`leaf hash must be a ${HASH_SIZE}-byte Uint8Array`);
    }
    this.levels[0]!.push(hash);
    // After pushing node i at level h, an odd i completes the pair (i-1, i) → node at h+1.
    for (let h = 0; this.levels[h]!.count % 2 === 0; h++) {
      const level = this.levels[h]!;
      const parent = nodeHash(level.view(level.count - 2), level.view(level.count - 1));
      if (this.levels.length === h + 1) this.levels.push(new HashLevel());
      this.levels[h + 1]!.push(parent);
    }
  }

  appendMany(hashes: Iterable<Uint8Array>): void {
    for (const h of hashes) this.append(h);
  }

  leafHashAt(index: number): Buffer {
    this.checkIndex(index, this.size, 'leaf index');
    return Buffer.from(this.levels[0]!.view(index));
  }

  /** MTH of the first `size` leaves (RFC 9162 §2.1.1); MTH of the empty tree is SHA-256(""). */
  root(size: number = this.size): Buffer {
    this.checkSize(size, 'tree size');
    return size === 0 ? Buffer.from(EMPTY_ROOT) : this.subtreeHash(0, size);
  }

  /** RFC 9162 §2.1.3.1 PATH(m, D[n]), deepest sibling first. */
  inclusionProof(index: number, size: number = this.size): Buffer[] {
    this.checkSize(size, 'tree size');
    this.checkIndex(index, size, 'leaf index');
    const siblings: Buffer[] = []; // collected root-first, returned leaf-first
    let start = 0;
    let n = size;
    let m = index;
    while (n > 1) {
      const k = splitPoint(n);
      if (m < k) {
        // PATH(m, D[0:k]) : MTH(D[k:n])
        siblings.push(this.subtreeHash(start + k, n - k));
        n = k;
      } else {
        // PATH(m-k, D[k:n]) : MTH(D[0:k])
        siblings.push(this.subtreeHash(start, k));
        start += k;
        m -= k;
        n -= k;
      }
    }
    return siblings.reverse();
  }

  /**
   * RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true). For m = n the proof is empty.
   * For m = 0 the proof is also empty: the empty tree is a prefix of every tree (C2SP
   * tlog-witness sends no proof lines from size 0), although `verifyConsistency` refuses m = 0.
   */
  consistencyProof(size1: number, size2: number = this.size): Buffer[] {
    this.checkSize(size2, 'second tree size');
    this.checkSize(size1, 'first tree size');
    if (size1 > size2) throw new RangeError(`first tree size ${size1} exceeds second tree size ${size2}`);
    if (size1 === 0 || size1 === size2) return [];
    const nodes: Buffer[] = []; // collected root-first, returned innermost-first
    let start = 0;
    let n = size2;
    let m = size1;
    let complete = true; // SUBPROOF's flag b: is m still the whole old tree's boundary?
    while (m !== n) {
      const k = splitPoint(n);
      if (m <= k) {
        // SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
        nodes.push(this.subtreeHash(start + k, n - k));
        n = k;
      } else {
        // SUBPROOF(m-k, D[k:n], false) : MTH(D[0:k])
        nodes.push(this.subtreeHash(start, k));
        start += k;
        m -= k;
        n -= k;
        complete = false;
      }
    }
    if (!complete) nodes.push(this.subtreeHash(start, m)); // SUBPROOF(m, D[m], false) = {MTH(D[m])}
    return nodes.reverse();
  }

  /**
   * MTH(D[start : start+n]) for a node of the RFC tree. Such a node's start is a multiple of the
   * largest power of two ≤ n, so it is the right fold of the aligned perfect subtrees given by
   * the binary digits of n (largest leftmost): O(popcount(n)) hashes, none for a power of two.
   */
  private subtreeHash(start: number, n: number): Buffer {
    if (n < 2 ** 31 && (n & (n - 1)) === 0) {
      const h = 31 - Math.clz32(n);
      return Buffer.from(this.levels[h]!.view(start / n));
    }
    let acc: Buffer | undefined;
    let end = start + n;
    let remaining = n;
    for (let width = 1, h = 0; remaining > 0; width *= 2, h++) {
      if (remaining % (2 * width) === 0) continue; // bit h of n is clear
      end -= width;
      remaining -= width;
      const part = this.levels[h]!.view(end / width);
      acc = acc === undefined ? Buffer.from(part) : nodeHash(part, acc);
    }
    return acc!;
  }

  private checkSize(size: number, what: string): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) {
      throw new RangeError(`${what} ${String(size)} is not an integer in [0, ${this.size}]`);
    }
  }

  private checkIndex(index: number, size: number, what: string): void {
    if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`${what} ${String(index)} is not an integer in [0, ${size})`);
    }
  }
}

function isHash(x: unknown): x is Uint8Array {
  return x instanceof Uint8Array && x.length === HASH_SIZE;
}

function isHashList(proof: unknown): proof is Uint8Array[] {
  return Array.isArray(proof) && proof.every(isHash);
}

function isTreeSize(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/**
 * RFC 9162 §2.1.3.2: verify that `leafHash` is leaf `index` of the tree of `size` leaves whose
 * root is `root`. Returns false (never throws) on any malformed or inconsistent input.
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[] | null | undefined,
  root: Uint8Array,
): boolean {
  try {
    const path = proof ?? [];
    if (!isHash(leafHash) || !isHash(root) || !isHashList(path)) return false;
    if (!isTreeSize(index) || !isTreeSize(size) || index >= size) return false; // step 1
    let fn = index; // step 2
    let sn = size - 1;
    let r: Buffer = Buffer.from(leafHash); // step 3
    for (const p of path) {
      // step 4
      if (sn === 0) return false; // 4a: proof longer than the path
      if (fn % 2 === 1 || fn === sn) {
        r = nodeHash(p, r); // 4b
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      } else {
        r = nodeHash(r, p); // 4c
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 && sameBytes(r, root); // step 5
  } catch {
    return false;
  }
}

/**
 * RFC 9162 §2.1.4.2: verify that the tree of size2 leaves with root2 extends the tree of size1
 * leaves with root1. Returns false (never throws) on malformed input. Edge cases follow the
 * transparency-dev/merkle vectors: size1 = size2 needs an empty proof and equal roots (for
 * size 0 both must be the empty-tree root); size1 = 0 < size2 is rejected as meaningless.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[] | null | undefined,
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  try {
    const path = proof ?? [];
    if (!isTreeSize(size1) || !isTreeSize(size2) || !Array.isArray(path)) return false;
    if (!(root1 instanceof Uint8Array) || !(root2 instanceof Uint8Array)) return false;
    if (size1 > size2) return false;
    if (size1 === size2) {
      // Opaque comparison: the vectors accept equal non-32-byte roots here.
      if (path.length !== 0 || !sameBytes(root1, root2)) return false;
      return size1 !== 0 || sameBytes(root1, EMPTY_ROOT);
    }
    if (size1 === 0) return false;
    if (path.length === 0 || !isHashList(path) || !isHash(root1) || !isHash(root2)) return false; // step 1
    // Step 2: if size1 is a power of two, its root is the first node of the path.
    const nodes: readonly Uint8Array[] = isPowerOfTwo(size1) ? [root1, ...path] : path;
    let fn = size1 - 1; // step 3
    let sn = size2 - 1;
    while (fn % 2 === 1) {
      // step 4
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    let fr: Buffer = Buffer.from(nodes[0]!); // step 5
    let sr: Buffer = Buffer.from(nodes[0]!);
    for (let i = 1; i < nodes.length; i++) {
      // step 6
      const c = nodes[i]!;
      if (sn === 0) return false; // 6a
      if (fn % 2 === 1 || fn === sn) {
        fr = nodeHash(c, fr); // 6b
        sr = nodeHash(c, sr);
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      } else {
        sr = nodeHash(sr, c); // 6c
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sameBytes(fr, root1) && sameBytes(sr, root2) && sn === 0; // step 7
  } catch {
    return false;
  }
}
