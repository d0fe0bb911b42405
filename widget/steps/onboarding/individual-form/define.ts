/** Registers `<sphere-ramp-individual-form>` and the elements it renders. */
import { defineElement } from '../../../ui/define-element.ts';
import { IndividualForm } from './individual-form.ts';

defineElement('sphere-ramp-individual-form', IndividualForm);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-individual-form': IndividualForm;
  }
}
