/** Registers `<sphere-ramp-representatives>` and the elements it renders. */
import '../document-upload/define.ts';
import '../hosted-link/define.ts';
import '../representative-form/define.ts';
import { defineElement } from '../../../ui/define-element.ts';
import { Representatives } from './representatives.ts';

defineElement('sphere-ramp-representatives', Representatives);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-representatives': Representatives;
  }
}
