import { LitElement, html, nothing, type PropertyValues } from 'lit';
// One file per decorator: the barrel would bring every decorator the steps use onto the first screen.
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { provide } from '@lit/context';
import type { Customer } from '../../contract/spherepay/customer.ts';
import { criteriaOf } from '../../contract/spherepay/profile-criteria.ts';
import { isSessionInfo } from '../../contract/guards.ts';
import type { LiveEventType } from '../../contract/live-events.ts';
import { RampClient } from '../api/client.ts';
import { RampError } from '../api/errors.ts';
import type { EventStream, LiveEvent } from '../api/event-stream.ts';
import type { SessionInfo, SessionMinted } from '../../contract/proxy-api.ts';
import { Session } from '../api/session.ts';
import { rampEvent, type RampEventMap, type RampEventName } from '../events.ts';
import { errorText } from '../i18n/say.ts';
import { initialMessages, loadMessages, resolveLocale, type Area, type Messages } from '../i18n/messages.ts';
import { rampContext, type RampContext } from '../state/context.ts';
import { deriveStep, initialFlowState, primaryProfile, type Direction, type FlowState, type StepId } from '../state/flow.ts';
import { tokens } from '../theme/tokens.ts';
import { stepStyles } from '../ui/styles.ts';
import { isPackageCdn, resolveApiBase, type ApiBase } from './api-base.ts';
import type { Diagnosis } from './diagnose.ts';

/** The diagnosis texts load only when something failed: they are not on the first screen. */
const diagnose = () => import('./diagnose.ts');
import { rootStyles } from './sphere-ramp.styles.ts';
import { STEP_VIEWS } from './steps.ts';

/**
 * A fiat <-> stablecoin ramp: onboarding (KYC/KYB), bank accounts and
 * wallets, quotes, transfers, deposit instructions and live status, talking
 * to a sphere-ramp proxy that holds the SpherePay key.
 *
 * @fires ramp-ready - The widget has its session and shows its first step.
 * @fires ramp-step-change - The step shown changed.
 * @fires ramp-customer-created - A SpherePay customer was created for this person.
 * @fires ramp-verification-change - The verification status or outstanding criteria changed.
 * @fires ramp-instrument-added - A bank account or wallet was added.
 * @fires ramp-quote - A quote was locked.
 * @fires ramp-quote-expired - The shown quote expired.
 * @fires ramp-transfer-created - A transfer was created.
 * @fires ramp-transfer-status - A followed transfer changed status.
 * @fires ramp-session-expired - The session expired and could not be renewed.
 * @fires ramp-error - Something failed that the person could not fix in the form. `detail: { code, message, retryable }`; codes found at start, before the person types: `origin-not-allowed`, `proxy-unreachable`, `session-failed`, `session-expired`, `upstream-unavailable`.
 *
 * Parts (`::part()`): the list is widget/ui/part-names.ts (described in parts.ts); custom-elements.json
 * and the README carry it.
 *
 * @cssprop --ramp-primary - Accent colour (light theme).
 * @cssprop --ramp-primary-dark - Accent colour (dark theme).
 * @cssprop --ramp-surface - Background (light theme).
 * @cssprop --ramp-surface-dark - Background (dark theme).
 * @cssprop --ramp-font - Font family.
 * @cssprop --ramp-border-radius - Corner radius.
 */
export class SphereRamp extends LitElement {
  static override styles = [tokens, stepStyles, rootStyles];

  /** URL POSTed (same origin, with cookies) to obtain `{token, expiresAt, customerId}`. */
  @property({ attribute: 'session-url' }) sessionUrl?: string;
  /** A session token minted by the merchant backend. */
  @property({ attribute: 'session-token' }) sessionToken?: string;
  /** For SPAs: returns a fresh session token; preferred over the attributes. */
  @property({ attribute: false }) fetchSession?: () => Promise<string>;
  /** The proxy's origin; default: the origin this script came from, else the page's. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  @property() direction?: Direction;
  @property() amount?: string;
  @property({ attribute: 'source-currency' }) sourceCurrency?: string;
  @property({ attribute: 'destination-currency' }) destinationCurrency?: string;
  @property() network?: string;
  /** The merchant's reference, sent as the transfer's `externalId`. */
  @property({ attribute: 'external-id' }) externalId?: string;
  /** `off` turns quotes off: transfers float at the rate of execution. */
  @property() quotes: 'on' | 'off' = 'on';
  @property() locale = 'en';
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';
  /** Prints a diagnosis with the exact fix (which variable, origin or CSP directive) to the console when something is misconfigured. */
  @property({ type: Boolean }) debug = false;

  @state() private flow: FlowState = initialFlowState({ quotes: true });
  @state() private messages: Messages = initialMessages;
  private areas = new Set<Area>();
  @state() private announcement = '';
  @state() private loadedSteps = new Set<StepId>();
  @state() private stepError?: string;
  /** Whether the start error can be retried as is (a misconfiguration cannot). */
  @state() private stepErrorRetryable = true;
  private base!: ApiBase;
  /** CSP refusals seen on this page, to tell a blocked proxy from a missing one. */
  private cspViolations: SecurityPolicyViolationEvent[] = [];
  private readonly onCspViolation = (e: SecurityPolicyViolationEvent) => void this.cspViolations.push(e);

  @provide({ context: rampContext })
  @state()
  protected ctx!: RampContext;

  private session = new Session(
    () => ({ fetchSession: this.fetchSession, sessionUrl: this.sessionUrl, sessionToken: this.sessionToken, host: this }),
    (info) => this.onSession(info),
  );
  private client!: RampClient;
  /** Loaded after the first step shows: live events are not needed to draw it. */
  private events?: EventStream;
  private eventsWanted = false;
  private shownStep: StepId | null = null;
  private hadSession = false;
  private started = false;
  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('securitypolicyviolation', this.onCspViolation);
    if (this.started) this.events?.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('securitypolicyviolation', this.onCspViolation);
    this.events?.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) void this.loadMessages();
    const presetKeys = ['direction', 'amount', 'sourceCurrency', 'destinationCurrency', 'network', 'externalId', 'quotes'] as const;
    if (presetKeys.some((k) => changed.has(k))) {
      this.flow = {
        ...this.flow,
        presets: {
          direction: this.direction,
          amount: this.amount,
          sourceCurrency: this.sourceCurrency,
          destinationCurrency: this.destinationCurrency,
          network: this.network,
          externalId: this.externalId,
          quotes: this.quotes !== 'off',
        },
      };
    }
    const sessionKeys = ['sessionUrl', 'sessionToken', 'fetchSession', 'apiBase'] as const;
    if (!this.started || sessionKeys.some((k) => changed.has(k) && changed.get(k) !== undefined)) this.start();
    this.ctx = this.makeContext();
  }

  /** (Re)starts from the session: a new session source means a new flow. */
  private start() {
    this.started = true;
    this.startFailed = false;
    this.unsubscribe?.();
    this.events?.stop();
    this.session.reset();
    this.events = undefined;
    this.eventsWanted = false;
    this.base = resolveApiBase(this.apiBase);
    if (this.base.source === 'script' && isPackageCdn(this.base.url)) {
      console.warn(`sphere-ramp: sphere-ramp.js was loaded from ${this.base.url}, a package CDN, not your sphere-ramp proxy, and api-base is not set: the widget would send its API calls to the CDN. Fix: load /sphere-ramp.js from your proxy, or set api-base="https://<your proxy origin>" on <sphere-ramp>.`);
    }
    this.client = new RampClient(this.base.url, this.session, () => this.sessionLost());
    this.flow = { ...initialFlowState(this.flow.presets) };
    void this.boot();
  }

  private startFailed = false;

  private async boot() {
    try {
      await this.session.token();
    } catch {
      this.set({ session: null });
      const failure = this.session.failure;
      void diagnose().then((d) => this.report(d.sessionFailed(failure)));
      return;
    }
    const minted: SessionMinted | undefined = this.session.info;
    // The merchant's policy (fees, limits, what is offered) comes from the proxy, never from attributes.
    // When the mint already named the customer, it loads meanwhile.
    const early = minted?.customerId ? this.refreshCustomer(minted.customerId) : undefined;
    let status: SessionInfo;
    try {
      const body = await this.startingInfo(minted);
      // A hand-written guard, not the zod schema: the shell ships no zod.
      if (!isSessionInfo(body)) throw new RampError('invalid-response', undefined);
      status = body;
    } catch (err) {
      await this.failStart(err);
      return;
    }
    this.set({ session: { customerId: status.customerId, expiresAt: status.expiresAt, ...(status.policy ? { policy: status.policy } : {}) } });
    this.client.request('/api/sandbox').then(() => this.set({ sandbox: true }), () => this.set({ sandbox: false }));
    // The live-events reader loads once the first step is on screen (see updated()).
    if (this.shownStep !== null) void this.startEvents();
    else this.eventsWanted = true;
    if (early) await early;
    else if (status.customerId) await this.refreshCustomer(status.customerId);
    else this.set({ customer: null });
  }

  /**
   * Who this session is for, on what terms: the proxy's mint answer says it
   * all when the merchant backend passed it on whole (then only a check that
   * this page reaches the proxy, sent beside the mint); else `GET /api/session`,
   * the loader's early answer when it has one that went well, else asked now.
   */
  private async startingInfo(minted: SessionMinted | undefined): Promise<unknown> {
    if (minted?.policy && isSessionInfo(minted)) {
      await this.client.reach(this.session.takeEarlyReach());
      return minted;
    }
    const early = this.session.takeEarlyInfo();
    if (early) {
      try {
        const res = await early;
        if (res?.ok) return await res.json();
      } catch {
        // asked again below, with the client's renewal and error handling
      }
    }
    return this.client.request('/api/session');
  }

  private async startEvents() {
    const client = this.client;
    const { EventStream } = await import('../api/event-stream.ts');
    // A restart while this loaded made a new client; that restart starts its own reader.
    if (client !== this.client || this.events || this.flow.session === null) return;
    const events = new EventStream(client, () => this.session.token());
    events.onConnectionChange((live) => this.set({ live }));
    this.unsubscribe = events.subscribe((e) => this.onLiveEvent(e));
    this.events = events;
    if (this.isConnected) events.start();
  }

  private onSession(info: SessionMinted | undefined) {
    if (info) this.hadSession = true;
    else if (this.hadSession) this.sessionLost();
  }

  /** The session expired and renewing it failed: say so once, and offer to try again. */
  private sessionLost() {
    if (this.flow.session === null || this.losing === this.client) return;
    const client = (this.losing = this.client);
    this.events?.stop();
    this.lostSession = this.flow.session;
    this.emit('ramp-session-expired', { reason: 'renewal-failed' });
    const lost = new RampError('session', this.messages.common.sessionExpired, 401);
    const base = this.base;
    // The host hears ramp-error before the widget shows the lost session, as when this was synchronous.
    void diagnose()
      .then((d) => this.report(d.requestFailed(lost, base)), () => undefined)
      .then(() => {
        if (client === this.client) this.set({ session: null });
      });
  }

  /** The client whose session is being reported lost (once per start). */
  private losing?: RampClient;

  /** The session the person had before renewal failed; what "Try again" restores. */
  private lostSession?: FlowState['session'];
  @state() private recovering = false;
  @state() private recoverFailed = false;

  /**
   * "Try again" after a failed renewal: asks the merchant backend for a new
   * session and, when it answers, puts the person back where they were
   * (same customer, quote or transfer; the money step's draft is kept).
   */
  private async recoverSession() {
    if (this.recovering) return;
    this.recovering = true;
    this.recoverFailed = false;
    try {
      this.session.reset();
      await this.session.token();
      const previous = this.lostSession;
      this.lostSession = undefined;
      this.losing = undefined;
      if (!previous || this.flow.customer === undefined) {
        this.flow = { ...this.flow, session: undefined };
        await this.boot();
      } else {
        this.set({ session: previous });
        this.events?.start();
        void this.refreshCustomer();
      }
    } catch {
      this.recoverFailed = true;
    } finally {
      this.recovering = false;
    }
  }

  private customerRequests = 0;

  private async refreshCustomer(id = this.flow.customer?.id ?? this.flow.session?.customerId ?? undefined) {
    if (!id) return;
    // Polls, live events and steps all refresh; only the newest answer may land.
    const request = ++this.customerRequests;
    try {
      // The schema loads beside the request: a new person's first screen never needs it.
      // `.then(m => m.X)`: only that export ships in the lazy chunk, not the whole module's.
      const [Customer, body] = await Promise.all([import('../../contract/spherepay/customer.ts').then((m) => m.Customer), this.client.request(`/api/v2/customer/${encodeURIComponent(id)}`)]);
      const customer = parseOrFail(Customer, body);
      if (request === this.customerRequests) this.set({ customer });
    } catch (err) {
      if (this.flow.customer === undefined) void this.failStart(err);
      else this.reportError(err);
    }
  }

  private async refreshTransfer(id: string) {
    try {
      const [Transfer, body] = await Promise.all([import('../../contract/spherepay/transfer.ts').then((m) => m.Transfer), this.client.request(`/api/v2/transfer/${encodeURIComponent(id)}`)]);
      const transfer = parseOrFail(Transfer, body);
      if (this.flow.transfer?.id === transfer.id) this.set({ transfer });
    } catch (err) {
      this.reportError(err);
    }
  }

  private onLiveEvent(event: LiveEvent) {
    // Events are hints (API.md §8.3): the resource is re-read, whatever the event said.
    if (event.type === ('customer.verification' satisfies LiveEventType)) void this.refreshCustomer();
    const transferId = event.data.transferId;
    if (event.type === ('transfer.status' satisfies LiveEventType) && typeof transferId === 'string' && transferId === this.flow.transfer?.id) {
      void this.refreshTransfer(transferId);
    }
  }

  /** Nothing can be shown without the customer: offer a retry (a lost session shows its own screen). */
  private async failStart(err: unknown) {
    if (err instanceof RampError && err.kind === 'session') return;
    // The session check and an early customer load can fail together: one diagnosis per start.
    if (this.startFailed) return;
    this.startFailed = true;
    const { probe, requestFailed } = await diagnose();
    const reach = err instanceof RampError && err.kind === 'network' ? await probe(this.base, this.cspViolations) : undefined;
    const diagnosis = requestFailed(err, this.base, { start: true, reach });
    const misconfigured = ['origin-not-allowed', 'proxy-unreachable'].includes(diagnosis.detail.code) && !diagnosis.detail.retryable;
    this.stepError = misconfigured ? this.messages.common.notAvailableHere : errorText(err, this.messages, resolveLocale(this.locale), this.messages.common.sessionError);
    this.stepErrorRetryable = diagnosis.detail.retryable;
    this.report(diagnosis);
  }

  private reportError(err: unknown) {
    if (!(err instanceof RampError)) return;
    const base = this.base;
    void diagnose().then((d) => this.report(d.requestFailed(err, base)));
  }

  /** Fires `ramp-error`; with `debug`, prints what is wrong and the exact fix. */
  private report({ detail, fix }: Diagnosis) {
    this.emit('ramp-error', detail);
    if (this.debug) console.error(`sphere-ramp [${detail.code}]: ${detail.message}${fix ? `\nFix: ${fix}.` : ''}`);
  }

  /** The one way flow state changes; public events about the change fire here. */
  private set(patch: Partial<FlowState>) {
    const previous = this.flow;
    const next = { ...previous, ...patch };
    this.flow = next;
    if (patch.customer && (!previous.customer || previous.customer.id !== patch.customer.id || profileKey(previous.customer) !== profileKey(patch.customer))) {
      const profile = primaryProfile(patch.customer);
      if (profile) {
        this.emit('ramp-verification-change', { customerId: patch.customer.id, status: profile.status, required: [...criteriaOf(profile).required] });
        const words = this.messages.common;
        if (previous.customer) this.announce(words.verificationStatus(words.verificationStatuses[profile.status] ?? profile.status));
      }
    }
    if (patch.transfer && previous.transfer?.id === patch.transfer.id && previous.transfer.status !== patch.transfer.status) {
      this.emit('ramp-transfer-status', { transferId: patch.transfer.id, status: patch.transfer.status, previous: previous.transfer.status });
    }
    this.ctx = this.makeContext();
  }

  private emit<K extends RampEventName>(type: K, detail: RampEventMap[K]) {
    this.dispatchEvent(rampEvent(type, detail));
  }

  private announce(message: string) {
    // Clearing first makes a repeated message be read again.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = message));
  }

  private makeContext(): RampContext {
    return {
      state: this.flow,
      client: this.client,
      messages: this.messages,
      locale: resolveLocale(this.locale),
      set: (patch) => this.set(patch),
      emit: (type, detail) => this.emit(type, detail),
      announce: (message) => this.announce(message),
      refreshCustomer: () => this.refreshCustomer(),
      needMessages: (area) => {
        if (this.areas.has(area)) return this.messagesLoaded;
        this.areas.add(area);
        return this.loadMessages();
      },
    };
  }

  /** The step shown now, derived from the flow state. */
  get step(): StepId {
    return deriveStep(this.flow);
  }

  protected override updated(): void {
    const step = this.step;
    const view = STEP_VIEWS[step];
    if (view && !this.loadedSteps.has(step)) {
      for (const area of view.areas) this.areas.add(area);
      Promise.all([view.load(), this.loadMessages()]).then(
        () => (this.loadedSteps = new Set(this.loadedSteps).add(step)),
        () => (this.stepError = this.messages.common.unexpectedError),
      );
      return;
    }
    // 'loading' is not a step a host hears about: the first real step is ramp-ready.
    if (step === 'loading' || step === this.shownStep || (view && !this.loadedSteps.has(step))) return;
    const previous = this.shownStep;
    this.shownStep = step;
    if (previous === null) this.emit('ramp-ready', { version: 1 });
    if (this.eventsWanted) {
      this.eventsWanted = false;
      void this.startEvents();
    }
    this.emit('ramp-step-change', { step, previous });
    if (previous !== null) void this.focusStepHeading();
  }

  /** The catalogue for the locale with the areas of every step shown so far. */
  private messagesLoaded: Promise<void> = Promise.resolve();

  /** Loads run one after another, so the newest (most areas, current locale) lands last. */
  private loadMessages(): Promise<void> {
    const locale = resolveLocale(this.locale);
    const areas = [...this.areas];
    this.messagesLoaded = this.messagesLoaded
      .catch(() => undefined)
      .then(() => loadMessages(locale, areas))
      .then((messages) => void (this.messages = messages));
    return this.messagesLoaded;
  }

  /** Moves focus to the new step's heading so keyboard and screen-reader users land on it. */
  private async focusStepHeading() {
    const el = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('[data-step]');
    await el?.updateComplete;
    const heading = el?.shadowRoot?.querySelector<HTMLElement>('h2') ?? el?.querySelector<HTMLElement>('h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
      this.announce(this.messages.common.stepAnnounced(heading.textContent?.trim() ?? ''));
    }
  }

  protected override render() {
    const m = this.messages.common;
    return html`<section part="base" aria-label=${m.title}>
      <div part="header">
        <span>${m.title}</span>
        ${this.flow.sandbox ? html`<span part="sandbox-badge">${m.sandboxBadge}</span>` : nothing}
      </div>
      <div part="body">${this.renderStep()}</div>
      <div role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>
    </section>`;
  }

  /**
   * The step's element while it stays on screen; anything else shown in
   * between (loading, an error) means a fresh one, as a template per tag
   * would make (lit/static-html would, at a cost on the first screen).
   */
  private shownElement?: HTMLElement;

  private renderStep() {
    const previous = this.shownElement;
    this.shownElement = undefined;
    const m = this.messages.common;
    const step = this.step;
    if (this.stepError) {
      return html`<div class="notice danger" role="alert"><p>${this.stepError}</p>
        ${this.stepErrorRetryable ? html`<button @click=${() => { this.stepError = undefined; this.start(); }}>${m.retry}</button>` : nothing}</div>`;
    }
    if (step === 'session-error') {
      if (!this.hadSession) return html`<div class="notice danger" role="alert" data-step="session-error"><h2>${m.sessionError}</h2></div>`;
      return html`<div class="notice danger" data-step="session-error">
        <h2>${m.sessionInterrupted}</h2>
        <p role=${this.recoverFailed ? 'alert' : nothing}>${this.recoverFailed ? m.sessionStillDown : m.sessionRetryHint}</p>
        <button type="button" part="retry" ?disabled=${this.recovering} aria-busy=${this.recovering ? 'true' : 'false'}
          @click=${() => void this.recoverSession()}>${this.recovering ? m.working : m.retry}</button>
      </div>`;
    }
    const view = STEP_VIEWS[step];
    if (!view || !this.loadedSteps.has(step)) {
      return html`<div class="center" data-step="loading" aria-busy="true"><span class="spinner" aria-hidden="true"></span><p>${m.loading}</p></div>`;
    }
    if (previous?.dataset.step === step) return (this.shownElement = previous);
    const element = document.createElement(view.tag);
    element.dataset.step = step;
    return (this.shownElement = element);
  }
}

/** A schema's answer, or the same error the client gives an unreadable answer. */
function parseOrFail<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new RampError('invalid-response', undefined);
  return parsed.data;
}

const profileKey = (customer: Customer) => {
  const p = primaryProfile(customer);
  const c = criteriaOf(p);
  return p ? `${p.status}|${c.required.join()}|${c.pending.join()}|${c.complete.join()}` : '';
};
