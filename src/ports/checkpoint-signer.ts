/**
 * The keys behind signed audit checkpoints. Signing needs the private key (only the process that
 * runs audits holds it, never the database); verifying needs only the public key, so `audit verify`
 * can run on a machine that could not forge a checkpoint.
 */

/** Checks signatures made by one key. */
export interface CheckpointVerifier {
  /** First 16 hex digits of the SHA-256 of the raw public key; stored with each checkpoint. */
  readonly keyId: string;
  /** True when `signature` is this key's signature over `message`; false for anything else. */
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

/** Signs checkpoint messages with one private key (and checks its own signatures). */
export interface CheckpointSigner extends CheckpointVerifier {
  sign(message: Uint8Array): Uint8Array;
}
