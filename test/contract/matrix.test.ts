import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CryptoCurrency, FiatCurrency, FiatNetwork, WalletNetwork } from '../../contract/spherepay/common.ts';
import { CURRENCY_RAILS, NETWORK_CURRENCIES, isAddressForNetwork, isFiatCurrency } from '../../contract/spherepay/matrix.ts';

const EVM = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const SOL = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
const TRON = 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7';
const STARKNET = '0x049d36570d4e46f48e99674bd3fcc84644ddd6b96f7c741b1562b82f9e004dc7';

describe('currency and network matrix', () => {
  it('lists stablecoins for every wallet network, and only known stablecoins', () => {
    for (const network of WalletNetwork.options) assert.ok(NETWORK_CURRENCIES[network].length > 0, network);
    for (const coins of Object.values(NETWORK_CURRENCIES)) for (const coin of coins) assert.ok(CryptoCurrency.options.includes(coin), coin);
  });

  it('follows the wallets page: USDT on ethereum, tron and polygon; EURC on sol, ethereum and base; USDC nearly everywhere', () => {
    const carrying = (coin: string) =>
      Object.entries(NETWORK_CURRENCIES).filter(([, coins]) => (coins as readonly string[]).includes(coin)).map(([n]) => n).sort();
    assert.deepEqual(carrying('usdt'), ['ethereum', 'polygon', 'tron']);
    assert.deepEqual(carrying('eurc'), ['base', 'ethereum', 'sol']);
    assert.deepEqual(carrying('usdc'), ['arbitrum', 'avalanche', 'base', 'ethereum', 'fogo', 'optimism', 'polygon', 'sol', 'starknet']);
  });

  it('sends USD by ACH or wire, EUR by SEPA only, BRL by PIX only', () => {
    assert.deepEqual([...CURRENCY_RAILS.usd].sort(), ['ach', 'wire']);
    assert.deepEqual(CURRENCY_RAILS.eur, ['sepa']);
    assert.deepEqual(CURRENCY_RAILS.brl, ['pix']);
    assert.deepEqual(Object.keys(CURRENCY_RAILS).sort(), [...FiatCurrency.options].sort());
    const rails = Object.values(CURRENCY_RAILS).flat().sort();
    assert.deepEqual(rails, [...FiatNetwork.options].sort(), 'every rail belongs to exactly one currency');
  });

  it('tells fiat from stablecoins', () => {
    for (const fiat of FiatCurrency.options) assert.equal(isFiatCurrency(fiat), true, fiat);
    for (const coin of [...CryptoCurrency.options, 'gbp', '', 'USD', 'toString']) assert.equal(isFiatCurrency(coin), false, coin);
  });
});

describe('addresses per network', () => {
  const FORMS: Record<string, string> = { evm: EVM, sol: SOL, tron: TRON, starknet: STARKNET };
  const expected: Record<string, string> = {
    ethereum: 'evm', polygon: 'evm', base: 'evm', arbitrum: 'evm', avalanche: 'evm', optimism: 'evm', sol: 'sol', tron: 'tron', starknet: 'starknet',
  };

  it('accepts on each wallet network exactly the address form it uses', () => {
    for (const network of WalletNetwork.options) {
      for (const [form, address] of Object.entries(FORMS)) {
        // A 40-hex EVM address is also a valid Starknet felt.
        const ok = form === expected[network] || (network === 'starknet' && form === 'evm');
        assert.equal(isAddressForNetwork(network, address), ok, `${form} address on ${network}`);
      }
    }
  });

  it('refuses every address on a network it does not know', () => {
    for (const address of Object.values(FORMS)) assert.equal(isAddressForNetwork('bitcoin', address), false);
  });
});
