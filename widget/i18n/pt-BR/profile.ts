/** Brazilian Portuguese: the first onboarding step, apart so the first screen loads only these. */
import type { Messages } from '../messages.ts';

export const profile: Messages['profile'] = {
  profileTitle: 'Conte-nos sobre você',
  profileIntro: 'Precisamos de alguns dados para verificar você antes que possa movimentar dinheiro. Leva poucos minutos.',
  kindLegend: 'Para quem é esta conta?',
  kindIndividual: 'Para mim, como pessoa física',
  kindIndividualHint: 'Conta pessoal, verificada com seu documento de identidade.',
  kindBusiness: 'Para uma empresa',
  kindBusinessHint: 'Conta empresarial, verificada com documentos da empresa e de seus sócios.',
};
