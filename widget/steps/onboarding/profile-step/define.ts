/**
 * Registers `<sphere-ramp-profile>`. Its two forms (with their schemas and the
 * country table) load when chosen, and are prefetched when the page is idle:
 * see profile-step.ts.
 */
import { defineElement } from '../../../ui/define-element.ts';
import { ProfileStep } from './profile-step.ts';

defineElement('sphere-ramp-profile', ProfileStep);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-profile': ProfileStep;
  }
}
