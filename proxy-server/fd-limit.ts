/**
 * The open-file limit (`ulimit -n`) and the live-event streams it leaves
 * room for. Every stream holds a socket; past the limit the process can
 * accept nothing (webhooks, API calls, its own store), so the per-process
 * stream cap stays well below it whatever RAMP_MAX_STREAMS says.
 */
import { readFileSync } from 'node:fs';

/** A process's limit on open files, soft and hard, read from /proc (Linux); undefined where there is none to read. */
export function openFileLimit(pid: number | 'self' = 'self'): { soft: number; hard: number } | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/limits`, 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const [soft, hard] = (line?.split(/\s{2,}/).slice(1, 3) ?? []).map((v) => (v === 'unlimited' ? Infinity : Number(v)));
    return soft && hard ? { soft, hard } : undefined;
  } catch {
    return undefined;
  }
}

/** Files kept for everything but streams: at least this many, and at least a quarter of the limit. */
const RESERVED_FILES = 64;

/** The streams a process may hold under a soft limit of `limit` open files, at most `configured`. */
export function streamCapWithin(configured: number, limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return configured;
  return Math.max(0, Math.min(configured, Math.floor((limit * 3) / 4), limit - RESERVED_FILES));
}
