/** Registers `<sphere-ramp-review>` and the elements it renders. */
import { defineElement } from '../../../ui/define-element.ts';
import { ReviewStep } from './review-step.ts';

defineElement('sphere-ramp-review', ReviewStep);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-review': ReviewStep;
  }
}
