/** Brazilian Portuguese: partial; missing strings fall back to English. */
import type { Translation } from './messages.ts';

export const ptBR: Translation = {
  common: {
    title: 'Compre e venda stablecoins',
    loading: 'Carregando…',
    retry: 'Tentar novamente',
    back: 'Voltar',
    continue: 'Continuar',
    cancel: 'Cancelar',
    copy: 'Copiar',
    copied: 'Copiado',
    notAvailableHere: 'A compra e venda não está disponível neste site no momento. Tente novamente mais tarde.',
  },
};
