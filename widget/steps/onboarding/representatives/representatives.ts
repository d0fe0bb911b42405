/**
 * The business's representatives: everyone with >= 25% ownership and a
 * control person. Each added person shows their role and status, and what
 * they still need: a photo ID upload and a face check of their own.
 * SpherePay has no list endpoint for representatives (API.md §2.7), so the
 * list holds the people added in this visit; the criterion's status covers
 * the rest.
 */
import { criteriaOf } from '../../../../contract/spherepay/customer.ts';
import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators/state.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import type { BusinessRepresentative } from '../../../../contract/spherepay/onboarding.ts';
import { add, compare } from '../../../../contract/money.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { REPRESENTATIVE_IDENTITY_TYPES } from '../criteria.ts';
import { formatNumber } from '../../../i18n/format.ts';

export class Representatives extends LitElement {
  static override styles = [stepStyles, css`.person { border: 1px solid var(--ramp-color-border); border-radius: var(--ramp-radius); padding: var(--ramp-space); }`];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  @state() private people: BusinessRepresentative[] = [];
  /** Items each person has done here (uploads go to review; SpherePay has no GET to re-read them). */
  @state() private done = new Map<string, Set<string>>();
  @state() private adding = false;

  private mark(id: string, item: string) {
    const next = new Map(this.done);
    next.set(id, new Set(next.get(id)).add(item));
    this.done = next;
  }

  private added(rep: BusinessRepresentative) {
    this.people = [...this.people, rep];
    this.adding = false;
    this.ctx.announce(`${rep.firstName ?? ''} ${rep.lastName ?? ''}`.trim());
    void this.ctx.refreshCustomer();
  }

  private totalOwnership(): string {
    return this.people.reduce((sum, p) => {
      const pct = String((p.representationDetails as { ownershipPercentage?: string }).ownershipPercentage ?? '0');
      return add(sum, /^\d+(\.\d{1,2})?$/.test(pct) ? pct : '0');
    }, '0');
  }

  private person(rep: BusinessRepresentative) {
    const r = this.ctx.messages.onboarding.reps;
    const details = rep.representationDetails as { ownershipPercentage?: string; title?: string };
    const name = `${rep.firstName ?? ''} ${rep.lastName ?? ''}`.trim();
    const profile = rep.verificationProfiles?.[0];
    const done = this.done.get(rep.id) ?? new Set();
    const required = criteriaOf(profile).required.filter((item) => !done.has(item));
    const status = required.length ? (profile?.status ?? 'incomplete') : 'pending';
    return html`<li class="person stack" data-representative=${rep.id}>
      <h4>${name}</h4>
      <p class="muted">${[details.title, details.ownershipPercentage ? r.owns(formatNumber(details.ownershipPercentage, this.ctx.locale)) : ''].filter(Boolean).join(' · ')}</p>
      <p><strong>${r.status[status] ?? status}</strong></p>
      ${required.includes('identity_document')
        ? html`<h5>${r.documentsFor(name)}</h5>
            <sphere-ramp-document-upload target="business_representative" targetId=${rep.id} identity .documentTypes=${REPRESENTATIVE_IDENTITY_TYPES}
              country=${String((rep.address as { country?: string } | undefined)?.country ?? '')}
              @document-uploaded=${() => this.mark(rep.id, 'identity_document')}></sphere-ramp-document-upload>`
        : nothing}
      ${required.includes('liveness_check')
        ? html`<h5>${r.faceFor(name)}</h5>
            <sphere-ramp-hosted-link kind="face" representativeId=${rep.id} person=${name} @hosted-finished=${() => this.mark(rep.id, 'liveness_check')}></sphere-ramp-hosted-link>`
        : nothing}
    </li>`;
  }

  protected override render() {
    const r = this.ctx.messages.onboarding.reps;
    const total = this.totalOwnership();
    return html`<div class="stack">
      <p>${r.intro}</p>
      ${this.people.length ? html`<ul class="stack" role="list">${repeat(this.people, (p) => p.id, (p) => this.person(p))}</ul>` : html`<p class="muted">${r.none}</p>`}
      ${compare(total, '100') > 0 ? html`<p class="notice warning" role="alert">${r.totalOver(formatNumber(total, this.ctx.locale))}</p>` : nothing}
      ${this.adding
        ? html`<h4>${r.addTitle}</h4>
            <sphere-ramp-representative-form @representative-added=${(e: CustomEvent<BusinessRepresentative>) => this.added(e.detail)}
              @cancel=${() => (this.adding = false)}></sphere-ramp-representative-form>`
        : html`<div class="actions"><button type="button" part="add-representative" @click=${() => (this.adding = true)}>${r.add}</button></div>`}
    </div>`;
  }
}
