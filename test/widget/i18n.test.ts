/**
 * A person who reads Spanish or Portuguese meets no English: onboarding and
 * a quoted on-ramp walked in es and pt-BR, with every rendered text and
 * accessible name compared against the English catalogue, validation in the
 * locale, and amounts and the countdown formatted by Intl for the locale.
 */
import { expect } from '@open-wc/testing';
import { click, deepQuery, deepQueryAll, fieldError, fill, mountRamp, stepElement, text, uniqueUser, waitForStep, waitUntil } from '../support/browser/ramp.ts';
import { addUsdBankAccount, addWallet, approvedCustomer, transfersOf } from '../support/browser/money.ts';
import { INDIVIDUAL, chooseKind, fillAll } from '../support/browser/onboarding.ts';
import { loadMessages, type Locale, type Messages } from '../../widget/i18n/messages.ts';
import type { SphereRamp } from '../../widget/sphere-ramp/sphere-ramp.ts';

/** Words that are the same in every language (names, codes); never evidence of an untranslated screen. */
const NAMES = new Set(['Stablecoin', 'IBAN', 'BIC', 'CPF', 'CNPJ', 'USDC', 'USDT', 'EURC', 'ACH', 'SEPA', 'PIX', 'Euro', 'Memo', 'Error', 'Status',
  'Solana', 'Ethereum', 'Tron', 'Polygon', 'Base', 'Arbitrum', 'Avalanche', 'Optimism', 'Starknet', 'Fogo', 'Wire', 'SpherePay']);

/** Every fixed piece of English the catalogue holds: whole strings, and the text around a function's arguments. */
async function englishPhrases(): Promise<string[]> {
  const en = await loadMessages('en', ['common', 'onboarding', 'money', 'validation']);
  const phrases = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node === 'function') {
      for (const piece of String((node as (...a: unknown[]) => unknown)('\u0000', '\u0000', '\u0000')).split('\u0000')) add(piece);
    } else if (typeof node === 'string') add(node);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  const add = (raw: string) => {
    const phrase = raw.replace(/^[\s:().,;·-]+|[\s:().,;·…-]+$/g, '');
    // Single words shorter than four letters ("to", "of") say nothing about the language on screen.
    if (phrase.length < 4 || NAMES.has(phrase) || !/\p{L}{3}/u.test(phrase)) return;
    phrases.add(phrase);
  };
  walk(en as Messages);
  return [...phrases];
}

/** What a person sees or hears: text, and the accessible names and hints in attributes. */
function everythingSaid(el: SphereRamp): string {
  const attributes = deepQueryAll(el.shadowRoot!, '[aria-label], [title], [placeholder], [alt], [label]').flatMap((node) =>
    ['aria-label', 'title', 'placeholder', 'alt', 'label'].map((a) => node.getAttribute(a) ?? ''),
  );
  return [text(el), ...attributes].join(' \n ');
}

function englishIn(said: string, phrases: string[]): string[] {
  return phrases.filter((p) => new RegExp(`(^|[^\\p{L}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(said));
}

async function expectNoEnglish(el: SphereRamp, phrases: string[], where: string) {
  let said = everythingSaid(el);
  // Deposit details are the bank's data (its name, addresses), not the widget's words.
  for (const value of deepQueryAll(el.shadowRoot!, '.details .value')) {
    const data = (value.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (data) said = said.split(data).join(' ');
  }
  const found = englishIn(said, phrases);
  expect(found, `English on the ${where} screen: ${found.map((p) => said.slice(Math.max(0, said.indexOf(p) - 60), said.indexOf(p) + 60)).join(' | ')}`).to.deep.equal([]);
}

const button = (el: SphereRamp, name: string) => {
  const found = deepQueryAll<HTMLButtonElement>(el.shadowRoot!, 'button').find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};

/** The exchange rate as shown (quote card or receipt). */
const rateShown = (el: Element) => deepQuery(el.shadowRoot!, '[data-value="rate"]')?.textContent?.replace(/\s+/g, ' ').trim();

const CASES: { locale: Locale; amountTyped: string; sent: string; received: string; rate: string; countdown: RegExp; sendExactly: string }[] = [
  { locale: 'es', amountTyped: '1234,5', sent: '1234,50 US$', received: '1233,50 USDC', rate: '1 USD = 1,00 USDC', countdown: /Tipo de cambio garantizado durante ?(\d+ min|\d+ s)/, sendExactly: 'Envía exactamente 1234,50 US$ por ACH' },
  { locale: 'pt-BR', amountTyped: '1.234,5', sent: 'US$ 1.234,50', received: '1.233,50 USDC', rate: '1 USD = 1,00 USDC', countdown: /Taxa garantida por ?(\d+ min|\d+ s)/, sendExactly: 'Envie exatamente US$ 1.234,50 por ACH' },
];

describe('<sphere-ramp> in Spanish and Portuguese', () => {
  let phrases: string[];
  before(async () => {
    phrases = await englishPhrases();
  });

  it('knows English when it sees it (the check can fail)', () => {
    expect(englishIn('Paso: Confirm and create transfer', phrases)).to.include('Confirm and create transfer');
    expect(englishIn('Confirmar y crear la transferencia · 1234,50 US$', phrases)).to.deep.equal([]);
  });

  for (const c of CASES) {
    it(`onboards a person in ${c.locale}: every screen and validation message in ${c.locale}, accessible`, async function () {
      this.timeout(60000);
      const m = await loadMessages(c.locale, ['common', 'profile', 'onboarding', 'validation']);
      const { el } = await mountRamp({ attrs: { locale: c.locale } });
      const profile = await waitForStep(el, 'profile');
      await waitUntil(() => text(el).includes(m.profile.profileTitle), 'profile title in the locale');
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label')).to.equal(m.common.title);
      await expectNoEnglish(el, phrases, 'profile');

      await chooseKind(el, 'individual');
      await fill(el, '/email', 'no-es-un-correo');
      expect(fieldError(el, '/email')).to.equal(m.validation.emailFormat);
      expect(text(el)).to.contain(m.common.optionalMark);
      await expectNoEnglish(el, phrases, 'profile form');
      await expect(profile).to.be.accessible();

      await fillAll(el, INDIVIDUAL);
      await click(el, m.common.continue);
      const verification = await waitForStep(el, 'verification');
      await waitUntil(() => deepQuery(el.shadowRoot!, '[data-group]') || deepQueryAll(verification.shadowRoot ?? verification, 'li').length, 'checklist');
      expect(text(el)).to.contain(m.onboarding.verificationTitle);
      await expectNoEnglish(el, phrases, 'verification');
      await expect(stepElement(el)!).to.be.accessible();
    });

    it(`quotes and creates an on-ramp in ${c.locale}: amounts typed and shown the ${c.locale} way, no English`, async function () {
      // The whole way from the amount to history, against the real sandbox.
      this.timeout(60000);
      const m = await loadMessages(c.locale, ['common', 'money']);
      const user = uniqueUser(`i18n-${c.locale}`);
      const customerId = await approvedCustomer(user);
      await addUsdBankAccount(user, customerId);
      await addWallet(user, customerId, 'sol');
      const { el } = await mountRamp({ user, attrs: { locale: c.locale, direction: 'on-ramp', 'destination-currency': 'usdc', network: 'sol' } });
      const ramp = await waitForStep(el, 'ramp');
      // Before anything is typed: an estimate for an example amount, in the locale.
      await waitUntil(() => deepQuery(el.shadowRoot!, '[data-value="destination"]'), 'example estimate');
      const example = new Intl.NumberFormat(c.locale, { style: 'currency', currency: 'USD' }).format(100).replace(/\s+/g, ' ');
      expect(text(el)).to.contain(m.money.estimateExample(example));
      await expectNoEnglish(el, phrases, 'amount');
      await expect(ramp).to.be.accessible();

      await fill(el, '/amount', c.amountTyped);
      expect(fieldError(el, '/amount')).to.equal(undefined);
      await waitUntil(() => deepQuery(el.shadowRoot!, '[data-value="source"]')?.textContent?.replace(/\s+/g, ' ').includes(c.sent), 'estimate for the amount typed');
      button(el, m.money.continue).click();
      await waitUntil(() => deepQuery(el.shadowRoot!, '#instruments-title') && deepQuery(el.shadowRoot!, 'input[name="wallet"]'), 'instruments');
      await expectNoEnglish(el, phrases, 'instruments');
      await expect(stepElement(el)!).to.be.accessible();

      button(el, m.money.getQuote).click();
      const quote = await waitForStep(el, 'quote');
      await waitUntil(() => c.countdown.test(text(el)), 'countdown in the locale');
      const shown = text(el);
      expect(shown).to.contain(c.sent);
      expect(rateShown(el)).to.equal(c.rate);
      await expectNoEnglish(el, phrases, 'quote');
      await expect(quote).to.be.accessible();

      button(el, m.money.confirm).click();
      const transfer = await waitForStep(el, 'transfer');
      await waitUntil(() => text(el).includes(c.sendExactly), 'deposit instructions in the locale');
      // The receipt beside them writes the rate the locale's way too.
      expect(rateShown(el)).to.equal(c.rate);
      await expectNoEnglish(el, phrases, 'transfer');
      await expect(transfer).to.be.accessible();

      // History: the amount delivered (D12) and the date, the way the locale writes them.
      button(el, m.money.history).click();
      const history = await waitForStep(el, 'history');
      await waitUntil(() => deepQuery(el.shadowRoot!, '[data-transfer]'), 'history row');
      const row = text(el);
      expect(row).to.contain(c.received);
      // The sandbox's clock is shared and moved by other tests: the date is the transfer's own.
      const [made] = (await transfersOf(user, customerId)).data as unknown as { created: string }[];
      expect(row).to.contain(new Intl.DateTimeFormat(c.locale, { dateStyle: 'medium' }).format(new Date(made!.created)));
      await expectNoEnglish(el, phrases, 'history');
      await expect(history).to.be.accessible();
    });
  }
});
