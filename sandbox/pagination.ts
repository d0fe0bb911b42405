/** Page-based pagination (API.md §0.5): `page` and `limit` as strings, defaults 1 and 10. */
import type { Pagination } from '../contract/spherepay/common.ts';

export function paginate<T>(items: readonly T[], query: { page?: string; limit?: string }): { data: T[]; pagination: Pagination } {
  const page = Number(query.page ?? '1');
  const limit = Number(query.limit ?? '10');
  const total = items.length;
  const totalPages = Math.ceil(total / limit);
  return {
    data: items.slice((page - 1) * limit, page * limit),
    pagination: { page, limit, total, totalPages, hasNext: page < totalPages, hasPrevious: page > 1 },
  };
}

/** Newest first; insertion order breaks ties between equal timestamps. */
export const newestFirst = <T extends { seq: number }>(records: Iterable<T>) => [...records].sort((a, b) => b.seq - a.seq);
