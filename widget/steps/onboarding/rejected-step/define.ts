/** Registers `<sphere-ramp-rejected>` and the elements it renders. */
import { defineElement } from '../../../ui/define-element.ts';
import { RejectedStep } from './rejected-step.ts';

defineElement('sphere-ramp-rejected', RejectedStep);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-rejected': RejectedStep;
  }
}
