import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id, 19 MiB, 2 passes (OWASP's minimum recommendation). */
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throw-away hash so a missing user takes as long as a wrong password. */
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** A one-time password a person can read aloud: 12 characters, letters and digits, no look-alikes. */
export function generateOneTimePassword(): string {
  for (;;) {
    const bytes = crypto.randomBytes(12);
    const candidate = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
    if (/[a-zA-Z]/.test(candidate) && /\d/.test(candidate)) return candidate;
  }
}
