/**
 * Form state for a step, as a reactive controller. Fields are named by the
 * JSON pointer of the request body they fill (`/address/postalCode`), so a
 * 422 from the server lands beside the right field with no mapping table.
 * Errors come from the shared zod schema (message keys, said in the
 * person's language through the catalogue) and show only after the person
 * left the field or tried to submit.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ContextConsumer } from '@lit/context';
import type * as z from 'zod/mini';
import { fromPointer, issueKey, toPointer, REPORT_INPUT } from '../../contract/spherepay/problem.ts';
import { RampError } from '../api/errors.ts';
import { errorText, fieldText } from '../i18n/say.ts';
import { rampContext } from '../state/context.ts';

type Value = string | boolean;

export interface FieldOptions {
  type?: 'text' | 'email' | 'tel' | 'date' | 'number' | 'password';
  autocomplete?: string;
  inputmode?: 'text' | 'decimal' | 'numeric' | 'tel' | 'email';
  hint?: string;
  optional?: boolean;
  placeholder?: string;
  /** For a select: value/label pairs. */
  options?: readonly { value: string; label: string }[];
  /** Transform what was typed before storing (e.g. upper-case a BIC). */
  normalize?: (value: string) => string;
}

let formCount = 0;

export class FormController implements ReactiveController {
  private values = new Map<string, Value>();
  private touched = new Set<string>();
  private serverErrors = new Map<string, string>();
  private submitted = false;
  private readonly prefix = `f${++formCount}`;
  /** The host's messages and locale, for the words around fields and errors. */
  private readonly ramp: ContextConsumer<typeof rampContext, ReactiveControllerHost & HTMLElement>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Validates the body built from the fields (usually a shared schema). */
    private readonly schema: () => z.ZodMiniType | undefined,
    initial: Record<string, Value> = {},
  ) {
    host.addController(this);
    this.ramp = new ContextConsumer(host, { context: rampContext, subscribe: true });
    for (const [k, v] of Object.entries(initial)) this.values.set(k, v);
  }

  hostConnected(): void {}

  get(pointer: string): Value | undefined {
    return this.values.get(pointer);
  }

  set(pointer: string, value: Value | undefined): void {
    if (value === undefined || value === '') this.values.delete(pointer);
    else this.values.set(pointer, value);
    this.serverErrors.delete(pointer);
    this.host.requestUpdate();
  }

  /** The request body: pointers expanded into nested objects; empty fields left out. */
  body<T = Record<string, unknown>>(): T {
    const out: Record<string, unknown> = {};
    for (const [pointer, value] of this.values) {
      const path = fromPointer(pointer);
      let node = out;
      path.slice(0, -1).forEach((key, i) => {
        const nextIsIndex = /^\d+$/.test(path[i + 1]!);
        node[key] ??= nextIsIndex ? [] : {};
        node = node[key] as Record<string, unknown>;
      });
      node[path.at(-1)!] = value;
    }
    return out as T;
  }

  /** Client-side errors by pointer, merged with the server's. */
  errors(): Map<string, string> {
    const errors = new Map<string, string>();
    const schema = this.schema();
    const result = schema?.safeParse(this.body(), REPORT_INPUT);
    if (result && !result.success) {
      for (const issue of result.error.issues) {
        const pointer = toPointer(issue.path);
        if (issue.code === 'unrecognized_keys' || errors.has(pointer)) continue;
        const bound = issue.code === 'too_small' ? Number(issue.minimum) : issue.code === 'too_big' ? Number(issue.maximum) : undefined;
        errors.set(pointer, this.say(issueKey(issue), bound, true));
      }
    }
    for (const [pointer, detail] of this.serverErrors) errors.set(pointer, this.say(detail));
    return errors;
  }

  /** The person left a field the form did not render itself (its error may show now). */
  touch(pointer: string): void {
    this.touched.add(pointer);
    this.host.requestUpdate();
  }

  /** The error to show beside a field: only after interaction. */
  error(pointer: string): string | undefined {
    if (!this.submitted && !this.touched.has(pointer)) return undefined;
    return this.errors().get(pointer);
  }

  /** Call on submit: marks everything as interacted; true when valid. */
  validate(): boolean {
    this.submitted = true;
    this.host.requestUpdate();
    const valid = this.errors().size === 0;
    if (!valid) void this.host.updateComplete.then(() => this.focusFirstError());
    return valid;
  }

  /** A key, our own words, or a server's words in the person's language (raw before the context arrives, which only tests see). */
  private say(detail: string, bound?: number, ours = false): string {
    const ctx = this.ramp.value;
    return ctx ? fieldText(ctx.messages, ctx.locale, detail, bound, ours) : detail;
  }

  /** Puts a server's 422 field errors beside their fields; returns the ones no field shows. */
  applyServerError(err: unknown, knownPointers: readonly string[] = [...this.values.keys()]): string[] {
    if (!(err instanceof RampError)) return [];
    const orphans: string[] = [];
    for (const [pointer, detail] of Object.entries(err.fieldErrors)) {
      this.serverErrors.set(pointer, detail);
      if (!knownPointers.includes(pointer) && !this.host.shadowRoot?.querySelector(`[data-pointer="${CSS.escape(pointer)}"]`)) orphans.push(this.say(detail));
    }
    this.submitted = true;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.focusFirstError());
    return orphans;
  }

  /**
   * Applies a failed submit's field errors and returns what must be shown for
   * the whole form: an error no field shows, or the error's own message when
   * it names no field (network loss, 400, 5xx).
   */
  formMessage(err: unknown, fallback: string, knownPointers?: readonly string[]): string | undefined {
    const orphans = this.applyServerError(err, knownPointers);
    if (!(err instanceof RampError)) return fallback;
    return orphans[0] ?? (Object.keys(err.fieldErrors).length ? undefined : this.errorText(err, fallback));
  }

  private errorText(err: RampError, fallback: string): string {
    const ctx = this.ramp.value;
    return ctx ? errorText(err, ctx.messages, ctx.locale, fallback) : fallback;
  }

  reset(values: Record<string, Value> = {}): void {
    this.values = new Map(Object.entries(values));
    this.touched.clear();
    this.serverErrors.clear();
    this.submitted = false;
    this.host.requestUpdate();
  }

  focusFirstError(): void {
    const errors = this.errors();
    const root = this.host.shadowRoot;
    for (const el of root?.querySelectorAll<HTMLElement>('[data-pointer]') ?? []) {
      if (errors.has(el.dataset.pointer!)) {
        el.focus();
        return;
      }
    }
  }

  private id(pointer: string) {
    return `${this.prefix}${pointer.replace(/[^a-zA-Z0-9]/g, '-')}`;
  }

  /** A labelled input or select with its hint and error, wired for screen readers. */
  field(pointer: string, label: string, options: FieldOptions = {}): TemplateResult {
    const id = this.id(pointer);
    const error = this.error(pointer);
    const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const value = String(this.values.get(pointer) ?? '');
    const onInput = (e: Event) => {
      const raw = (e.target as HTMLInputElement).value;
      this.set(pointer, options.normalize ? options.normalize(raw) : raw);
    };
    const onBlur = () => {
      this.touched.add(pointer);
      this.host.requestUpdate();
    };
    const control = options.options
      ? html`<select id=${id} data-pointer=${pointer} name=${pointer} .value=${live(value)} @change=${onInput} @blur=${onBlur}
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy)} ?required=${!options.optional}>
          <option value="" ?selected=${value === ''}>—</option>
          ${options.options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
        </select>`
      : html`<input id=${id} data-pointer=${pointer} name=${pointer} type=${options.type ?? 'text'} .value=${live(value)}
          autocomplete=${ifDefined(options.autocomplete)} inputmode=${ifDefined(options.inputmode)} placeholder=${ifDefined(options.placeholder)}
          @input=${onInput} @blur=${onBlur} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy)}
          ?required=${!options.optional} />`;
    return html`<div class="field" part="field">
      <label for=${id}>${label}${options.optional ? html` <span class="muted">${this.ramp.value?.messages.common.optionalMark}</span>` : nothing}</label>
      ${control}
      ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  /** A checkbox bound to a boolean field. */
  checkbox(pointer: string, label: string): TemplateResult {
    const id = this.id(pointer);
    const error = this.error(pointer);
    return html`<div class="field checkbox" part="field">
      <label for=${id}><input id=${id} data-pointer=${pointer} type="checkbox" .checked=${live(this.values.get(pointer) === true)}
        @change=${(e: Event) => this.set(pointer, (e.target as HTMLInputElement).checked ? true : undefined)}
        aria-describedby=${ifDefined(error ? `${id}-error` : undefined)} /> ${label}</label>
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }
}
