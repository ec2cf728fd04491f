/** Turns passwords into stored hashes and checks them (the argon2id adapter in adapters/auth). */
export interface PasswordHasher {
  /** A self-describing hash (PHC string) of `password` with a fresh random salt. */
  hash(password: string): Promise<string>;
  /**
   * True when `password` matches `storedHash`, compared in constant time. A malformed or
   * unsupported stored hash is false, never an exception that would tell a caller more.
   */
  verify(storedHash: string, password: string): Promise<boolean>;
}
