import { hash, verify } from '@node-rs/argon2';

/** A password's argon2id hash, with the library's defaults (19 MiB, 2 passes: OWASP's minimum for argon2id). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let decoy: Promise<string> | undefined;

/**
 * Whether the password matches the hash. Without a hash (no such account) a
 * decoy hash is checked anyway, so an unknown email takes as long as a wrong
 * password and the answer's timing does not tell which emails have accounts.
 */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    decoy ??= hash('decoy password of no account');
    await verify(await decoy, password);
    return false;
  }
  return verify(passwordHash, password);
}
