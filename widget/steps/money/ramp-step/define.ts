/** Registers `<sphere-ramp-ramp>` and the elements it renders. */
import '../bank-account-form/define.ts';
import '../wallet-form/define.ts';
import '../quote-card/define.ts';
import { defineElement } from '../../../ui/define-element.ts';
import { RampStep } from './ramp-step.ts';

defineElement('sphere-ramp-ramp', RampStep);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-ramp': RampStep;
  }
}
