/**
 * Which currencies travel on which networks (API.md §3.1, §4.1, §10), and the
 * BRL rules. The sandbox enforces these; the widget offers only valid pairs.
 */
import type { CryptoCurrency, FiatCurrency, FiatNetwork, WalletNetwork } from './common.ts';
import type { MessageKey } from '../message-keys.ts';
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

/**
 * BRL/PIX transfers use wallets only on these networks; every other network
 * (sol, arbitrum, avalanche, optimism, starknet, fogo) is excluded. Only bps
 * integrator fees. [DOC] docs/001, API.md §4.1, §10.
 */
export const BRL_WALLET_NETWORKS: readonly string[] = ['polygon', 'ethereum', 'base', 'tron'];
export const isBrlNetwork = (network: string) => BRL_WALLET_NETWORKS.includes(network);

const EVM: readonly string[] = ['arbitrum', 'avalanche', 'base', 'ethereum', 'optimism', 'polygon', 'fogo'];

export function isAddressForNetwork(network: string, address: string): boolean {
  if (network === 'sol') return isSolanaAddress(address);
  if (network === 'tron') return isTronAddress(address);
  if (network === 'starknet') return isStarknetAddress(address);
  if (EVM.includes(network)) return isEvmAddress(address);
  return false;
}

/**
/**
 * The message key for what is wrong with an address for `network`, naming
 * the actual problem: an address of the right form whose checksum fails is
 * a typo (EIP-55 capitals, Tron's base58check), not a wrong format;
 * undefined when it is valid.
 */
export function addressProblem(network: string, address: string): MessageKey | undefined {
  if (isAddressForNetwork(network, address)) return undefined;
  if (EVM.includes(network) && /^0x[0-9a-fA-F]{40}$/.test(address)) return 'addressEvmChecksum';
  if (network === 'tron' && /^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(address)) return 'addressTronChecksum';
  if (network === 'sol') return 'addressSolana';
  if (network === 'tron') return 'addressTron';
  if (network === 'starknet') return 'addressStarknet';
  return 'addressEvm';
}
