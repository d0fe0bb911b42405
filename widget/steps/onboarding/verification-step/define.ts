/** Registers `<sphere-ramp-verification>` and the elements it renders. */
import '../details-form/define.ts';
import '../document-upload/define.ts';
import '../hosted-link/define.ts';
import '../otp-verify/define.ts';
import '../representatives/define.ts';
import { defineElement } from '../../../ui/define-element.ts';
import { VerificationStep } from './verification-step.ts';

defineElement('sphere-ramp-verification', VerificationStep);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-verification': VerificationStep;
  }
}
