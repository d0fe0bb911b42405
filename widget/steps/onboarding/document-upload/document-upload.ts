/**
 * Uploads one document for a criterion: the type (from those allowed for the
 * target), the issuing country for identity documents, one file per side
 * (front and back for two-sided types), picked or dropped. Each file is
 * checked for size and real type before anything is sent; uploads show
 * progress and can be retried.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { DOCUMENT_FILE_ACCEPT, Document, TWO_SIDED_DOCUMENT_TYPES } from '../../../../contract/spherepay/document.ts';
import { rampContext, type RampContext } from '../../../state/context.ts';
import { stepStyles } from '../../../ui/styles.ts';
import { countries } from '../fields.ts';
import { checkDocumentFile, megabytes } from '../file-check.ts';
import { errorNotice } from '../notice.ts';

type Side = 'front' | 'back';

interface Chosen {
  file?: File;
  error?: string;
  done?: boolean;
}

let uploaders = 0;

export class DocumentUpload extends LitElement {
  static override styles = [
    stepStyles,
    css`
      .drop { border: 2px dashed var(--ramp-color-border); border-radius: var(--ramp-radius); padding: var(--ramp-space); display: grid; gap: 4px; }
      .drop.over { border-color: var(--ramp-color-primary); background: var(--ramp-color-surface-raised); }
      input[type='file'] { min-height: auto; border: 0; padding: 0; }
      progress { width: 100%; }
    `,
  ];
  @consume({ context: rampContext, subscribe: true }) ctx!: RampContext;

  @property() target: 'customer' | 'business_representative' = 'customer';
  @property() targetId = '';
  @property({ attribute: false }) documentTypes: readonly string[] = [];
  /** Identity documents need an issuing country and may have two sides. */
  @property({ type: Boolean }) identity = false;
  /** Default issuing country (the person's residence). */
  @property() country = '';

  @state() private documentType = '';
  @state() private issuing = '';
  @state() private chosen: Record<Side, Chosen> = { front: {}, back: {} };
  @state() private over?: Side;
  @state() private progress = 0;
  private readonly uid = `doc${++uploaders}`;

  private uploadTask = new Task(this, {
    task: async (_args: [], { signal }) => {
      for (const side of this.sides()) {
        const chosen = this.chosen[side];
        if (chosen.done || !chosen.file) continue;
        const form = new FormData();
        form.set('targetId', this.targetId);
        form.set('target', this.target);
        form.set('documentType', this.type());
        if (this.identity) form.set('country', this.issuing || this.country);
        if (this.isTwoSided()) form.set('side', side);
        form.set('file', chosen.file, chosen.file.name);
        this.progress = 0;
        await this.ctx.client.upload('/api/v2/document', form, { schema: Document, signal, onProgress: (f) => (this.progress = f) });
        this.chosen = { ...this.chosen, [side]: { ...chosen, done: true } };
      }
    },
    autoRun: false,
    onComplete: () => {
      this.ctx.announce(this.ctx.messages.onboarding.uploaded);
      this.dispatchEvent(new CustomEvent('document-uploaded', { bubbles: true, composed: true, detail: { documentType: this.type() } }));
      void this.ctx.refreshCustomer();
    },
  });

  private type() {
    return this.documentType || (this.documentTypes.length === 1 ? this.documentTypes[0]! : '');
  }

  private isTwoSided() {
    return TWO_SIDED_DOCUMENT_TYPES.includes(this.type());
  }

  private sides(): Side[] {
    return this.isTwoSided() ? ['front', 'back'] : ['front'];
  }

  private async choose(side: Side, file: File | undefined) {
    if (!file) return;
    const m = this.ctx.messages.onboarding;
    const check = await checkDocumentFile(file);
    const error = check.ok ? undefined : check.reason === 'too-large' ? m.fileTooLarge(megabytes(file.size, this.ctx.locale)) : check.reason === 'empty' ? m.fileEmpty : m.fileWrongType;
    this.chosen = { ...this.chosen, [side]: error ? { error } : { file } };
    if (error) this.ctx.announce(error);
  }

  private ready() {
    return !!this.type() && (!this.identity || !!(this.issuing || this.country)) && this.sides().every((s) => this.chosen[s].file);
  }

  private submit(e: Event) {
    e.preventDefault();
    if (this.ready()) void this.uploadTask.run();
  }

  private dropZone(side: Side) {
    const m = this.ctx.messages.onboarding;
    const chosen = this.chosen[side];
    const id = `${this.uid}-${side}`;
    const label = this.isTwoSided() ? m.uploadLabel(m.side[side]!) : m.side.single!;
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      this.over = undefined;
      void this.choose(side, e.dataTransfer?.files[0]);
    };
    return html`<div class="drop ${this.over === side ? 'over' : ''}" part="drop-zone" data-side=${side}
        @dragover=${(e: DragEvent) => { e.preventDefault(); this.over = side; }} @dragleave=${() => (this.over = undefined)} @drop=${onDrop}>
      <label for=${id}>${label}</label>
      <p class="hint" id="${id}-hint">${m.dropHint}</p>
      <input id=${id} type="file" accept=${DOCUMENT_FILE_ACCEPT} data-side=${side} aria-describedby="${id}-hint ${chosen.error ? `${id}-error` : ''}"
        aria-invalid=${chosen.error ? 'true' : 'false'} @change=${(e: Event) => void this.choose(side, (e.target as HTMLInputElement).files?.[0])} />
      ${chosen.error ? html`<p class="error" id="${id}-error" role="alert">${chosen.error}</p>` : nothing}
      ${chosen.file && !chosen.error ? html`<p class="hint">${chosen.done ? m.uploaded : m.fileChosen(chosen.file.name)}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const m = this.ctx.messages.onboarding;
    const busy = this.uploadTask.status === TaskStatus.PENDING;
    const typeId = `${this.uid}-type`;
    const countryId = `${this.uid}-country`;
    return html`<form class="stack" novalidate @submit=${this.submit} aria-busy=${busy ? 'true' : 'false'}>
      ${this.documentTypes.length > 1
        ? html`<div class="field"><label for=${typeId}>${m.documentType}</label>
            <select id=${typeId} data-pointer="/documentType" .value=${this.documentType} @change=${(e: Event) => (this.documentType = (e.target as HTMLSelectElement).value)}>
              <option value="">—</option>
              ${this.documentTypes.map((t) => html`<option value=${t} ?selected=${t === this.documentType}>${m.documentTypes[t] ?? t}</option>`)}
            </select></div>`
        : nothing}
      ${this.identity
        ? html`<div class="field"><label for=${countryId}>${m.issuingCountry}</label>
            <select id=${countryId} data-pointer="/country" @change=${(e: Event) => (this.issuing = (e.target as HTMLSelectElement).value)}>
              <option value="">—</option>
              ${countries(this.ctx.locale).map((c) => html`<option value=${c.value} ?selected=${c.value === (this.issuing || this.country)}>${c.label}</option>`)}
            </select></div>`
        : nothing}
      ${this.type() ? this.sides().map((s) => this.dropZone(s)) : nothing}
      ${busy ? html`<progress max="1" .value=${this.progress} aria-label=${m.uploading(Math.round(this.progress * 100))}></progress>
          <p role="status">${m.uploading(Math.round(this.progress * 100))}</p>` : nothing}
      ${this.uploadTask.status === TaskStatus.ERROR ? errorNotice(this.uploadTask.error, this.ctx, () => void this.uploadTask.run()) : nothing}
      <div class="actions">
        <button type="submit" part="upload" ?disabled=${busy || !this.ready()}>${m.upload}</button>
      </div>
    </form>`;
  }
}
