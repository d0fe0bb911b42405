/**
 * The typed message catalogue. English is the type; every locale is a full
 * copy of it, area by area (`<locale>/<area>.ts` is typed as
 * `Messages[area]`), so a missing or misspelt key fails the typecheck.
 * Only `common` is asked for at start: each area loads with the steps that
 * speak it, and only in the locale shown, so neither the first screen nor a
 * second language grows what the person downloads.
 */
import { common } from './en/common.ts';
import type { onboarding } from './en/onboarding.ts';
import type { profile } from './en/profile.ts';
import type { money } from './en/money.ts';
import type { validation } from './en/validation.ts';

export interface Messages {
  common: typeof common;
  /** The first step alone (who is the account for), so the first screen loads no other strings. */
  profile: typeof profile;
  onboarding: typeof onboarding;
  money: typeof money;
  validation: typeof validation;
}
export type Area = keyof Messages;

export const SUPPORTED_LOCALES = ['en', 'es', 'pt-BR'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

type Loaders = { [A in Area]: () => Promise<Messages[A]> };

// One static import() per file, so the bundler splits each into its own chunk; the areas of the
// steps after the first come from one module per locale (one file, asked for by whichever loads first).
const CATALOGUES: Record<Locale, Loaders> = {
  en: {
    common: async () => common,
    profile: () => import('./en/profile.ts').then((m) => m.profile),
    onboarding: () => import('./en/journey.ts').then((m) => m.onboarding),
    money: () => import('./en/journey.ts').then((m) => m.money),
    validation: () => import('./en/journey.ts').then((m) => m.validation),
  },
  es: {
    common: () => import('./es/common.ts').then((m) => m.common),
    profile: () => import('./es/profile.ts').then((m) => m.profile),
    onboarding: () => import('./es/journey.ts').then((m) => m.onboarding),
    money: () => import('./es/journey.ts').then((m) => m.money),
    validation: () => import('./es/journey.ts').then((m) => m.validation),
  },
  'pt-BR': {
    common: () => import('./pt-BR/common.ts').then((m) => m.common),
    profile: () => import('./pt-BR/profile.ts').then((m) => m.profile),
    onboarding: () => import('./pt-BR/journey.ts').then((m) => m.onboarding),
    money: () => import('./pt-BR/journey.ts').then((m) => m.money),
    validation: () => import('./pt-BR/journey.ts').then((m) => m.validation),
  },
};

/** The best supported locale for a BCP 47 tag ("pt" -> "pt-BR", "es-MX" -> "es"). */
export function resolveLocale(tag: string | undefined): Locale {
  const lower = (tag ?? 'en').toLowerCase();
  if (lower.startsWith('pt')) return 'pt-BR';
  if (lower.startsWith('es')) return 'es';
  return 'en';
}

/** English `common` strings: what the element can say before anything loads. */
export const initialMessages = { common } as Messages;

/**
 * The catalogue for `locale` with `common` and the given areas. Areas not
 * asked for are absent at run time: a step is only rendered once the root
 * has loaded its areas.
 */
export async function loadMessages(locale: Locale, areas: Iterable<Area>): Promise<Messages> {
  const loaders = CATALOGUES[locale];
  const wanted = [...new Set<Area>(['common', ...areas])];
  const loaded = await Promise.all(wanted.map((area) => loaders[area]()));
  return Object.fromEntries(wanted.map((area, i) => [area, loaded[i]])) as unknown as Messages;
}
