/** Registers `<sphere-ramp-details>` and the elements it renders. */
import { defineElement } from '../../../ui/define-element.ts';
import { DetailsForm } from './details-form.ts';

defineElement('sphere-ramp-details', DetailsForm);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-details': DetailsForm;
  }
}
