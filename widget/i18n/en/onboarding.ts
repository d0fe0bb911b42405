/** English strings for onboarding (KYC/KYB). Onboarding steps add theirs here. */
export const onboarding = {
  profileTitle: 'Tell us about you',
  verificationTitle: 'Verify your identity',
  reviewTitle: 'We are reviewing your details',
  rejectedTitle: 'We could not verify you',
};
