/** Registers `<sphere-ramp-quote>` and the elements it renders. */
import '../quote-card/define.ts';
import { defineElement } from '../../../ui/define-element.ts';
import { QuoteStep } from './quote-step.ts';

defineElement('sphere-ramp-quote', QuoteStep);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-quote': QuoteStep;
  }
}
