/** Registers `<sphere-ramp-business-form>` and the elements it renders. */
import { defineElement } from '../../../ui/define-element.ts';
import { BusinessForm } from './business-form.ts';

defineElement('sphere-ramp-business-form', BusinessForm);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-business-form': BusinessForm;
  }
}
