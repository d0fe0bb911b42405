/** Registers `<sphere-ramp>`. Importing this file is the only side effect in the package. */
import { defineElement } from '../ui/define-element.ts';
import { SphereRamp } from './sphere-ramp.ts';

defineElement('sphere-ramp', SphereRamp);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp': SphereRamp;
  }
}
