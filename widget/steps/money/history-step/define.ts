/** Registers `<sphere-ramp-history>` and the elements it renders. */
import { defineElement } from '../../../ui/define-element.ts';
import { HistoryStep } from './history-step.ts';

defineElement('sphere-ramp-history', HistoryStep);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-history': HistoryStep;
  }
}
