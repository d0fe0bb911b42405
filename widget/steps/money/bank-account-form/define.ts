/** Registers `<sphere-ramp-bank-account-form>` and the elements it renders. */
import { defineElement } from '../../../ui/define-element.ts';
import { BankAccountForm } from './bank-account-form.ts';

defineElement('sphere-ramp-bank-account-form', BankAccountForm);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-bank-account-form': BankAccountForm;
  }
}
