/** Registers `<sphere-ramp-copy>` and the elements it renders. */
import { defineElement } from '../define-element.ts';
import { CopyButton } from './copy-button.ts';

defineElement('sphere-ramp-copy', CopyButton);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-copy': CopyButton;
  }
}
