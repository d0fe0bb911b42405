/**
 * The currency and network names (API.md §3.1, §4.1, §6.1, §10), listed once.
 * `common.ts` builds the request enums from them and `matrix.ts` the rules.
 */
export const FIAT_CURRENCIES = ['usd', 'eur', 'brl'] as const;
export const CRYPTO_CURRENCIES = ['usdc', 'usdt', 'eurc'] as const;
export const FIAT_NETWORKS = ['ach', 'wire', 'sepa', 'pix'] as const;
export const WALLET_NETWORKS = ['arbitrum', 'avalanche', 'base', 'ethereum', 'optimism', 'polygon', 'sol', 'tron', 'starknet'] as const;
/** The transfer schema's wallet networks additionally list `fogo`. */
export const TRANSFER_WALLET_NETWORKS = [...WALLET_NETWORKS, 'fogo'] as const;
export const CURRENCIES = [...FIAT_CURRENCIES, ...CRYPTO_CURRENCIES] as const;
export const NETWORKS = [...FIAT_NETWORKS, ...TRANSFER_WALLET_NETWORKS] as const;
