/** Brazilian Portuguese: partial; missing strings fall back to English. */
import type { Translation } from './messages.ts';
import { journeyPtBR } from './journey.ts';

export const ptBR: Translation = {
  common: {
    ...journeyPtBR.common,
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
  money: {
    ...journeyPtBR.money,
    serviceFeeTerms: (fee: string) => `Taxa de serviço: ${fee}.`,
    feePercent: (percent: string) => `${percent.replace('.', ',')}%`,
    limitsBetween: (min: string, max: string) => `Você pode enviar de ${min} a ${max}.`,
    limitsAtLeast: (min: string) => `Você pode enviar ${min} ou mais.`,
    limitsAtMost: (max: string) => `Você pode enviar até ${max}.`,
    amountBelowMin: (min: string) => `O valor deve ser de pelo menos ${min}.`,
    amountAboveMax: (max: string) => `O valor deve ser no máximo ${max}.`,
    currencyNotOffered: 'Algumas das suas contas estão em uma moeda que não é oferecida aqui.',
  },
  onboarding: journeyPtBR.onboarding,
};
