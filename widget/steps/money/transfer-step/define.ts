/** Registers `<sphere-ramp-transfer>` and the elements it renders. */
import '../deposit-instructions/define.ts';
import '../status-timeline/define.ts';
import '../receipt/define.ts';
import { defineElement } from '../../../ui/define-element.ts';
import { TransferStep } from './transfer-step.ts';

defineElement('sphere-ramp-transfer', TransferStep);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-transfer': TransferStep;
  }
}
