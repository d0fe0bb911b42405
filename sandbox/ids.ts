/** Id generation: a prefix, an underscore and lower-case hex, as SpherePay's ids look. */
import { randomBytes } from 'node:crypto';

export type IdGenerator = (prefix: string, hexLength: number) => string;

export const randomHex = (length: number) => randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length);

export const randomIds: IdGenerator = (prefix, hexLength) => `${prefix}_${randomHex(hexLength)}`;

/** Every id, payouts included, carries 32 hex characters (D10: SpherePay's current get-id pages show 32). */
export const hexLengthFor = (_prefix: string) => 32;
