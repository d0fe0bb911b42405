/**
 * Which currencies travel on which networks (API.md §3.1, §4.1, §10), and the
 * BRL rules. The sandbox enforces these; the widget offers only valid pairs.
 */
import type { CryptoCurrency, FiatCurrency, FiatNetwork, WalletNetwork } from './common.ts';
import { isEvmAddress, isSolanaAddress, isStarknetAddress, isTronAddress } from '../validators.ts';

/** Stablecoins per wallet network (the wallets page; polygon USDT included). */
export const NETWORK_CURRENCIES: Record<WalletNetwork | 'fogo', readonly CryptoCurrency[]> = {
  sol: ['usdc', 'eurc'],
  ethereum: ['usdc', 'usdt', 'eurc'],
  tron: ['usdt'],
  polygon: ['usdc', 'usdt'],
  base: ['usdc', 'eurc'],
  arbitrum: ['usdc'],
  avalanche: ['usdc'],
  optimism: ['usdc'],
  starknet: ['usdc'],
  fogo: ['usdc'],
};

/** Rails per fiat currency; EUR is exactly sepa, BRL exactly pix. */
export const CURRENCY_RAILS: Record<FiatCurrency, readonly FiatNetwork[]> = {
  usd: ['ach', 'wire'],
  eur: ['sepa'],
  brl: ['pix'],
};

// Own keys only: `in` would also find "toString" and the rest of Object.prototype.
// (hasOwnProperty.call rather than Object.hasOwn: one bundle targets ES2020.)
export const isFiatCurrency = (c: string): c is FiatCurrency => Object.prototype.hasOwnProperty.call(CURRENCY_RAILS, c);

/** BRL/PIX cannot deliver to or come from `sol`; only bps integrator fees. */
export const BRL_BLOCKED_NETWORKS: readonly string[] = ['sol'];

const EVM: readonly string[] = ['arbitrum', 'avalanche', 'base', 'ethereum', 'optimism', 'polygon', 'fogo'];

export function isAddressForNetwork(network: string, address: string): boolean {
  if (network === 'sol') return isSolanaAddress(address);
  if (network === 'tron') return isTronAddress(address);
  if (network === 'starknet') return isStarknetAddress(address);
  if (EVM.includes(network)) return isEvmAddress(address);
  return false;
}

/**
 * What is wrong with an address for `network`, naming the actual problem: an
 * address of the right form whose checksum fails is a typo, not a wrong
 * format; undefined when it is valid.
 */
export function addressProblem(network: string, address: string): string | undefined {
  if (isAddressForNetwork(network, address)) return undefined;
  if (EVM.includes(network) && /^0x[0-9a-fA-F]{40}$/.test(address)) {
    return 'The mix of capital and small letters does not match the address checksum (EIP-55): check it for a typo, or paste it again';
  }
  if (network === 'tron' && /^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(address)) return 'The Tron address checksum does not match: check it for a typo, or paste it again';
  return `Not a valid address for ${network}: expected ${addressHint(network)}`;
}

/** Human hint of the expected address form, for messages. */
export function addressHint(network: string): string {
  if (network === 'sol') return 'a Solana address (base58, 32 to 44 characters)';
  if (network === 'tron') return 'a Tron address starting with T';
  if (network === 'starknet') return 'a Starknet address starting with 0x';
  return 'an address of 0x followed by 40 hexadecimal characters';
}
