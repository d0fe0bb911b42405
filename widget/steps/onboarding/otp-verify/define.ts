/** Registers `<sphere-ramp-otp>` and the elements it renders. */
import { defineElement } from '../../../ui/define-element.ts';
import { OtpVerify } from './otp-verify.ts';

defineElement('sphere-ramp-otp', OtpVerify);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-otp': OtpVerify;
  }
}
