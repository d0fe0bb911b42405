/** Registers `<sphere-ramp-status-timeline>` and the elements it renders. */
import { defineElement } from '../../../ui/define-element.ts';
import { StatusTimeline } from './status-timeline.ts';

defineElement('sphere-ramp-status-timeline', StatusTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-status-timeline': StatusTimeline;
  }
}
