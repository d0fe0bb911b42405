/** Registers `<sphere-ramp-qr>` and the elements it renders. */
import { defineElement } from '../define-element.ts';
import { QrCode } from './qr-code.ts';

defineElement('sphere-ramp-qr', QrCode);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-qr': QrCode;
  }
}
