/**
 * The checklist derived from a verification profile's `criteria` arrays:
 * one entry per group of criteria, with the worst status of its items and
 * the errors SpherePay reported for them. Entries that need the person come
 * first, in the order SpherePay lists them.
 */
import { criteriaOf, type VerificationProfile } from '../../../contract/spherepay/customer.ts';
import { criterionView, type CriterionAction } from './criteria.ts';

export type EntryStatus = 'error' | 'required' | 'pending' | 'complete';

export interface ChecklistEntry {
  group: string;
  names: string[];
  status: EntryStatus;
  /** Messages from `criteria.errors` (empty string when SpherePay named the item only). */
  errors: string[];
  action: CriterionAction;
}

const RANK: Record<EntryStatus, number> = { error: 0, required: 1, pending: 2, complete: 3 };

const errorName = (e: string | { name: string }) => (typeof e === 'string' ? e : e.name);
const errorMessage = (e: string | { name: string; message?: string; detail?: string }) => (typeof e === 'string' ? '' : (e.message ?? e.detail ?? ''));

export function checklist(profile: VerificationProfile, kind: string): ChecklistEntry[] {
  const { complete, pending, required, errors } = criteriaOf(profile);
  const statusOf = (name: string): EntryStatus => {
    if (errors.some((e) => errorName(e) === name)) return 'error';
    if (required.includes(name)) return 'required';
    if (pending.includes(name)) return 'pending';
    return 'complete';
  };
  const names = [...new Set([...errors.map(errorName), ...required, ...pending, ...complete])];
  const entries = new Map<string, ChecklistEntry>();
  for (const name of names) {
    const view = criterionView(name, kind);
    const status = statusOf(name);
    const messages = errors.filter((e) => errorName(e) === name).map(errorMessage);
    const entry = entries.get(view.group);
    if (!entry) {
      entries.set(view.group, { group: view.group, names: [name], status, errors: messages, action: view.action });
      continue;
    }
    entry.names.push(name);
    entry.errors.push(...messages);
    if (RANK[status] < RANK[entry.status]) entry.status = status;
    // A data item a person can fill in beats a hand-off (e.g. several detail parts in one form).
    if (entry.action.kind === 'details' && view.action.kind === 'details') {
      entry.action = { kind: 'details', parts: [...new Set([...entry.action.parts, ...view.action.parts])] };
    }
  }
  return [...entries.values()].sort((a, b) => RANK[a.status] - RANK[b.status]);
}

/** Whether the person (rather than SpherePay) has something to do. */
export const needsAction = (entry: ChecklistEntry) => entry.status === 'error' || entry.status === 'required';
