/** Wallets (API.md §4). */
import * as z from 'zod/mini';
import { CustomerId, Timestamp, WalletId, WalletNetwork, page } from './common.ts';
import { addressProblem } from './matrix.ts';

export const WalletCreate = z
  .strictObject({
    customerId: CustomerId,
    address: z.string().check(z.trim(), z.minLength(1, 'Required'), z.maxLength(100)),
    network: WalletNetwork,
  })
  .check(
    z.superRefine((v, ctx) => {
      const problem = addressProblem(v.network, v.address);
      if (problem) ctx.issues.push({ code: 'custom', input: v, path: ['address'], message: problem });
    }),
  );
export type WalletCreate = z.infer<typeof WalletCreate>;

export const Wallet = z.looseObject({
  id: WalletId,
  address: z.string(),
  network: WalletNetwork,
  customerId: CustomerId,
  created: Timestamp,
  updated: Timestamp,
});
export type Wallet = z.infer<typeof Wallet>;
export const WalletList = page(Wallet);
