/** Registers `<sphere-ramp-hosted-link>` and the elements it renders. */
import '../../../ui/copy-button/define.ts';
import { defineElement } from '../../../ui/define-element.ts';
import { HostedLink } from './hosted-link.ts';

defineElement('sphere-ramp-hosted-link', HostedLink);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-hosted-link': HostedLink;
  }
}
