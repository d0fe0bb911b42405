/** Registers `<sphere-ramp-representative-form>` and the elements it renders. */
import { defineElement } from '../../../ui/define-element.ts';
import { RepresentativeForm } from './representative-form.ts';

defineElement('sphere-ramp-representative-form', RepresentativeForm);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-representative-form': RepresentativeForm;
  }
}
