/** Registers `<sphere-ramp-profile>` and the elements it renders. */
import '../individual-form/define.ts';
import '../business-form/define.ts';
import { defineElement } from '../../../ui/define-element.ts';
import { ProfileStep } from './profile-step.ts';

defineElement('sphere-ramp-profile', ProfileStep);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-profile': ProfileStep;
  }
}
