/** Display helpers shared by the money steps: names, instrument summaries, amounts. */
import type { BankAccount } from '../../../contract/spherepay/bank-account.ts';
import { isKnownStatus } from '../../../contract/spherepay/transfer.ts';
import type { Wallet } from '../../../contract/spherepay/wallet.ts';
import { formatIban } from '../../../contract/validators.ts';
import type { Messages } from '../../i18n/messages.ts';

type M = Messages['money'];

/** Status labels; a status the catalogue does not know gets the generic one (D11). */
export const statusShort = (m: M, status: string) => (isKnownStatus(status) ? m.statusShort[status] : m.statusUnknownShort);
export const statusWords = (m: M, status: string) => (isKnownStatus(status) ? m.statusWords[status] : m.statusUnknownWords);

export const networkName = (m: M, network: string | undefined) => (network ? (m.networks[network] ?? network) : '');
export const currencyCode = (currency: string | undefined) => (currency ?? '').toUpperCase();

/** "0x12ab…89ef": enough to recognise an address without printing it all. */
export const shortAddress = (address: string) => (address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address);

export function bankAccountLabel(m: M, account: BankAccount): string {
  const d = account.accountDetails;
  const last = d.accountNumber ?? (d.iban ? formatIban(d.iban).slice(-4) : d.pixKey ?? '');
  return m.bankAccountSummary(account.bankName ?? '', `${account.accountName ?? ''} · ${last}`, account.currency);
}

export const walletLabel = (m: M, wallet: Wallet) => m.walletSummary(networkName(m, wallet.network), shortAddress(wallet.address));
