/** Spanish: partial; missing strings fall back to English. */
import type { Translation } from './messages.ts';
import { journeyEs } from './journey.ts';

export const es: Translation = {
  common: {
    ...journeyEs.common,
    title: 'Compra y vende stablecoins',
    loading: 'Cargando…',
    retry: 'Reintentar',
    back: 'Atrás',
    continue: 'Continuar',
    cancel: 'Cancelar',
    copy: 'Copiar',
    copied: 'Copiado',
    notAvailableHere: 'La compra y venta no está disponible en este sitio en este momento. Inténtalo de nuevo más tarde.',
  },
  money: {
    ...journeyEs.money,
    serviceFeeTerms: (fee: string) => `Comisión de servicio: ${fee}.`,
    feePercent: (percent: string) => `${percent} %`,
    limitsBetween: (min: string, max: string) => `Puedes enviar de ${min} a ${max}.`,
    limitsAtLeast: (min: string) => `Puedes enviar ${min} o más.`,
    limitsAtMost: (max: string) => `Puedes enviar hasta ${max}.`,
    amountBelowMin: (min: string) => `El importe debe ser de al menos ${min}.`,
    amountAboveMax: (max: string) => `El importe debe ser como máximo ${max}.`,
    currencyNotOffered: 'Algunas de tus cuentas están en una moneda que no se ofrece aquí.',
  },
  onboarding: journeyEs.onboarding,
};
