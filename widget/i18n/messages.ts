/**
 * The typed message catalogue. English is complete and is the type; other
 * locales are partial overlays that fall back to English. Only `common` ships
 * with the element: each area's strings load with the steps that use them
 * (a step can ask for more through `RampContext.needMessages`), so the first
 * screen carries only its own strings.
 */
import { common } from './en/common.ts';
import type { onboarding } from './en/onboarding.ts';
import type { profile } from './en/profile.ts';
import type { money } from './en/money.ts';

export interface Messages {
  common: typeof common;
  /** The first step alone (who is the account for), so the first screen loads no other strings. */
  profile: typeof profile;
  onboarding: typeof onboarding;
  money: typeof money;
}
export type Area = Exclude<keyof Messages, 'common'>;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (...args: never[]) => string ? T[K] : DeepPartial<T[K]> };
export type Translation = DeepPartial<Messages>;

export const SUPPORTED_LOCALES = ['en', 'es', 'pt-BR'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const english: { [A in Area]: () => Promise<Messages[A]> } = {
  profile: () => import('./en/profile.ts').then((m) => m.profile),
  onboarding: () => import('./en/onboarding.ts').then((m) => m.onboarding),
  money: () => import('./en/money.ts').then((m) => m.money),
};

const overlays: Record<Exclude<Locale, 'en'>, () => Promise<Translation>> = {
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

/** English `common` strings: what the element can say before anything loads. */
export const initialMessages = { common } as Messages;

/**
 * The catalogue for `locale` with `common` and the given areas. Areas not
 * asked for are absent at run time: a step is only rendered once the root
 * has loaded its area.
 */
export async function loadMessages(locale: Locale, areas: Iterable<Area>): Promise<Messages> {
  const overlay = locale === 'en' ? {} : await overlays[locale]();
  const merged: Record<string, object> = { common: { ...common, ...overlay.common } };
  await Promise.all(
    [...new Set(areas)].map(async (area) => {
      merged[area] = { ...(await english[area]()), ...overlay[area] };
    }),
  );
  return merged as unknown as Messages;
}
