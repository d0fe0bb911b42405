/**
 * What the widget knows about a transfer beyond the transfer object: the
 * terms it was created on (the quote's or the request's amounts, which
 * API.md D12 says to show rather than transfer fields the docs do not
 * promise), and the statuses it was seen in, with times. Kept in
 * sessionStorage so a reload still shows them; amounts and statuses only.
 */
import type { Fees } from '../../../../contract/spherepay/quote.ts';
import type { TransferStatus } from '../../../../contract/spherepay/transfer.ts';

export interface Terms {
  source: { amount?: string; currency?: string; network?: string };
  destination: { amount?: string; currency?: string; network?: string; exchangeRate?: string };
  fees?: Fees;
}

export interface StatusSeen {
  status: TransferStatus;
  at: string;
}

const memory = new Map<string, string>();

function read<T>(key: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(key) ?? memory.get(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    const raw = memory.get(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  }
}

function write(key: string, value: unknown) {
  const json = JSON.stringify(value);
  memory.set(key, json);
  try {
    sessionStorage.setItem(key, json);
  } catch {
    // Kept in memory only.
  }
}

export const rememberTerms = (transferId: string, terms: Terms) => write(`sphere-ramp:terms:${transferId}`, terms);
export const termsFor = (transferId: string): Terms | undefined => read<Terms>(`sphere-ramp:terms:${transferId}`);

/**
 * The statuses seen for a transfer, oldest first. The first entry is its
 * creation (awaiting the deposit, at `created`); a new status is added at
 * the transfer's `updated` time when it is first seen.
 */
export function statusHistory(transfer: { id: string; status: TransferStatus; created: string; updated: string }): StatusSeen[] {
  const key = `sphere-ramp:statuses:${transfer.id}`;
  const seen = read<StatusSeen[]>(key) ?? [{ status: 'pendingFunding', at: transfer.created }];
  if (seen[seen.length - 1]?.status !== transfer.status) {
    seen.push({ status: transfer.status, at: transfer.updated });
    write(key, seen);
  } else if (seen.length === 1) {
    write(key, seen);
  }
  return seen;
}
