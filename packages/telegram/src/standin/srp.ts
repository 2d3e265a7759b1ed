import { createHash, randomBytes } from 'node:crypto';
import bigInt from 'big-integer';
import { Api, password as gramPassword } from 'telegram';

/**
 * The server half of Telegram's two-step verification (SRP-2048, as in core.telegram.org/api/srp),
 * so the stand-in checks a password the way Telegram does: GramJS's `computeCheck` proves it knows
 * the password without sending it, and only the right one passes.
 */

/** Telegram's 2048-bit prime (g = 3), the only one GramJS accepts. */
const P_HEX =
  'c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c3720fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f642477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b';
const P = BigInt(`0x${P_HEX}`);
const G = 3n;
const pad = (n: bigint) => Buffer.from(n.toString(16).padStart(512, '0'), 'hex');
const big = (b: Buffer) => BigInt(`0x${b.toString('hex') || '0'}`);
const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
  }
  return result;
}

export interface SrpChallenge {
  password: Api.account.Password;
  /** Checks GramJS's answer to this challenge. */
  verify(check: Api.TypeInputCheckPasswordSRP): boolean;
}

export async function srpChallenge(secret: string, hint?: string): Promise<SrpChallenge> {
  const algo = new Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow({
    salt1: randomBytes(8),
    salt2: randomBytes(16),
    g: Number(G),
    p: Buffer.from(P_HEX, 'hex'),
  });
  const v = big(await gramPassword.computeDigest(algo, secret));
  const k = big(sha256(pad(P), pad(G)));
  const b = big(randomBytes(256));
  const B = (k * v + modPow(G, b, P)) % P;
  const srpId = BigInt.asIntN(64, randomBytes(8).readBigUInt64BE());
  const password = new Api.account.Password({
    hasPassword: true,
    currentAlgo: algo,
    srp_B: pad(B),
    srpId: bigInt(srpId.toString()),
    hint,
    newAlgo: new Api.PasswordKdfAlgoUnknown(),
    newSecureAlgo: new Api.SecurePasswordKdfAlgoUnknown(),
    secureRandom: randomBytes(32),
  });
  return {
    password,
    verify(check) {
      if (!(check instanceof Api.InputCheckPasswordSRP) || check.srpId.toString() !== srpId.toString()) return false;
      const A = big(check.A);
      const u = big(sha256(pad(A), pad(B)));
      const S = modPow((A * modPow(v, u, P)) % P, b, P);
      const K = sha256(pad(S));
      const hp = sha256(pad(P));
      const hg = sha256(pad(G));
      const xored = Buffer.from(hp.map((x, i) => x ^ hg[i]!));
      const M1 = sha256(xored, sha256(algo.salt1), sha256(algo.salt2), pad(A), pad(B), K);
      return M1.equals(Buffer.from(check.M1));
    },
  };
}
