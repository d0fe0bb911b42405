/**
 * Adds a wallet: the network first, then an address checked for that network
 * (Solana base58, EVM 0x + 40 hex with EIP-55 when mixed case, Tron
 * base58check) by the shared `WalletCreate` schema. Shows which stablecoins
 * the network carries, from the matrix. Fires `instrument-added`.
 */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { consume } from '@lit/context';
import { WalletNetwork } from '../../../../contract/spherepay/common.ts';
import { NETWORK_CURRENCIES } from '../../../../contract/spherepay/matrix.ts';
import { Wallet, WalletCreate } from '../../../../contract/spherepay/wallet.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { FormController } from '../../../ui/form.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { moneyStyles } from '../money.styles.ts';
import { networkName } from '../labels.ts';

export class WalletForm extends LitElement {
  static override styles = [stepStyles, moneyStyles];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  /** Networks not to offer (e.g. `sol` when the bank side is BRL). */
  @property({ attribute: false }) exclude: readonly string[] = [];
  /** Network to start with (from the presets). */
  @property() network?: string;

  @state() private sending = false;
  @state() private formError?: string;

  private form = new FormController(this, () => WalletCreate);

  override connectedCallback(): void {
    super.connectedCallback();
    const preset = this.network && WalletNetwork.options.includes(this.network as never) && !this.exclude.includes(this.network) ? this.network : undefined;
    this.form.reset({ '/customerId': this.ctx.state.customer?.id ?? '', ...(preset ? { '/network': preset } : {}) });
  }

  private async submit(e: Event) {
    e.preventDefault();
    if (this.sending) return;
    this.formError = undefined;
    if (!this.form.validate()) return;
    const parsed = WalletCreate.safeParse(this.form.body());
    if (!parsed.success) return;
    this.sending = true;
    try {
      const wallet = await this.ctx.client.request('/api/v2/wallet', { method: 'POST', body: parsed.data, schema: Wallet });
      this.ctx.set({ wallets: [wallet, ...(this.ctx.state.wallets ?? []).filter((w) => w.id !== wallet.id)] });
      this.ctx.emit('ramp-instrument-added', { kind: 'wallet', id: wallet.id, network: wallet.network });
      this.ctx.announce(this.ctx.messages.money.walletAdded);
      this.dispatchEvent(new CustomEvent('instrument-added', { detail: { id: wallet.id } }));
    } catch (err) {
      this.formError = this.form.formMessage(err, this.ctx.messages.common.unexpectedError);
    } finally {
      this.sending = false;
    }
  }

  protected override render() {
    const m = this.ctx.messages.money;
    const network = this.form.get('/network') as string | undefined;
    const networks = WalletNetwork.options.filter((n) => !this.exclude.includes(n));
    const coins = network ? NETWORK_CURRENCIES[network as keyof typeof NETWORK_CURRENCIES] ?? [] : [];
    return html`<form class="subform" novalidate @submit=${this.submit} aria-labelledby="wallet-form-title">
      <h3 id="wallet-form-title">${m.addWallet}</h3>
      ${this.form.field('/network', m.network, {
        options: networks.map((n) => ({ value: n, label: networkName(m, n) })),
        hint: coins.length ? m.currenciesOnNetwork(coins.map((c) => c.toUpperCase()).join(', ')) : undefined,
      })}
      ${this.form.field('/address', m.walletAddress, { hint: m.walletAddressHint, autocomplete: 'off', normalize: (v) => v.trim() })}
      ${this.formError ? html`<p class="notice danger" role="alert">${this.formError}</p>` : nothing}
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('cancel'))}>${this.ctx.messages.common.cancel}</button>
        <button type="submit" part="submit" ?disabled=${this.sending} aria-busy=${this.sending ? 'true' : 'false'}>${this.sending ? m.saving : m.save}</button>
      </div>
    </form>`;
  }
}
