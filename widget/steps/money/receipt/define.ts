/** Registers `<sphere-ramp-receipt>` and the elements it renders. */
import '../../../ui/copy-button/define.ts';
import { defineElement } from '../../../ui/define-element.ts';
import { Receipt } from './receipt.ts';

defineElement('sphere-ramp-receipt', Receipt);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-receipt': Receipt;
  }
}
