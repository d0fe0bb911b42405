/** Registers `<sphere-ramp-deposit-instructions>` and the elements it renders. */
import '../../../ui/copy-button/define.ts';
import '../../../ui/qr-code/define.ts';
import { defineElement } from '../../../ui/define-element.ts';
import { DepositInstructions } from './deposit-instructions.ts';

defineElement('sphere-ramp-deposit-instructions', DepositInstructions);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-deposit-instructions': DepositInstructions;
  }
}
