/** Registers `<sphere-ramp-wallet-form>` and the elements it renders. */
import { defineElement } from '../../../ui/define-element.ts';
import { WalletForm } from './wallet-form.ts';

defineElement('sphere-ramp-wallet-form', WalletForm);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-wallet-form': WalletForm;
  }
}
