/** Id generation: a prefix, an underscore and lower-case hex, as SpherePay's ids look. */
import { randomBytes } from 'node:crypto';

export type IdGenerator = (prefix: string, hexLength: number) => string;

export const randomHex = (length: number) => randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length);

export const randomIds: IdGenerator = (prefix, hexLength) => `${prefix}_${randomHex(hexLength)}`;

/** Transfers (`payout_`) carry 24 hex characters; everything else 32. */
export const hexLengthFor = (prefix: string) => (prefix === 'payout' ? 24 : 32);
