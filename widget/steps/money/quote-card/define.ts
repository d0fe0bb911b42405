/** Registers `<sphere-ramp-quote-card>`. */
import { defineElement } from '../../../ui/define-element.ts';
import { QuoteCard } from './quote-card.ts';

defineElement('sphere-ramp-quote-card', QuoteCard);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-quote-card': QuoteCard;
  }
}
