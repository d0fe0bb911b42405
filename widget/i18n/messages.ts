/**
 * The typed message catalogue. English is complete and is the type; other
 * locales are partial overlays loaded on demand and fall back to English.
 */
import { common } from './en/common.ts';
import { onboarding } from './en/onboarding.ts';
import { money } from './en/money.ts';

export const en = { common, onboarding, money };
export type Messages = typeof en;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (...args: never[]) => string ? T[K] : DeepPartial<T[K]> };
export type Translation = DeepPartial<Messages>;

export const SUPPORTED_LOCALES = ['en', 'es', 'pt-BR'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Translation>> = {
  es: () => import('./es.ts').then((m) => m.es),
  'pt-BR': () => import('./pt-BR.ts').then((m) => m.ptBR),
};

/** The best supported locale for a BCP 47 tag ("pt" -> "pt-BR", "es-MX" -> "es"). */
export function resolveLocale(tag: string | undefined): Locale {
  const lower = (tag ?? 'en').toLowerCase();
  if (lower.startsWith('pt')) return 'pt-BR';
  if (lower.startsWith('es')) return 'es';
  return 'en';
}

export async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === 'en') return en;
  const overlay = await loaders[locale]();
  const merged = {} as Record<string, unknown>;
  for (const [area, strings] of Object.entries(en)) merged[area] = { ...strings, ...(overlay as Record<string, object>)[area] };
  return merged as Messages;
}
