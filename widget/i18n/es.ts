/** Spanish: partial; missing strings fall back to English. */
import type { Translation } from './messages.ts';

export const es: Translation = {
  common: {
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
};
