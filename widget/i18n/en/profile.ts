/**
 * English strings of the first onboarding step (individual or business?):
 * apart from the rest of onboarding so the first screen loads only these.
 */
export const profile = {
  profileTitle: 'Tell us about you',
  profileIntro: 'We need a few details to verify you before you can move money. It takes a few minutes.',
  kindLegend: 'Who is this account for?',
  kindIndividual: 'Me, as an individual',
  kindIndividualHint: 'Personal account, verified with your ID.',
  kindBusiness: 'A business',
  kindBusinessHint: 'Company account, verified with company documents and its owners.',
};
