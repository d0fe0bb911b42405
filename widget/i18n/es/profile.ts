/** Spanish: the first onboarding step, apart so the first screen loads only these. */
import type { Messages } from '../messages.ts';

export const profile: Messages['profile'] = {
  profileTitle: 'Cuéntanos sobre ti',
  profileIntro: 'Necesitamos algunos datos para verificarte antes de que puedas mover dinero. Solo lleva unos minutos.',
  kindLegend: '¿Para quién es esta cuenta?',
  kindIndividual: 'Para mí, como particular',
  kindIndividualHint: 'Cuenta personal, verificada con tu documento de identidad.',
  kindBusiness: 'Para una empresa',
  kindBusinessHint: 'Cuenta de empresa, verificada con documentos de la empresa y de sus propietarios.',
};
