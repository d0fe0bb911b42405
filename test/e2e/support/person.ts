/**
 * A person going through the widget with a mouse and keyboard, the same way
 * in every embed mode: `scope` is the page (script tag, SPA) or the iframe
 * (`page.frameLocator(...)`); Playwright's locators pierce shadow roots.
 * Field names are the JSON pointers the widget's forms use.
 */
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { PERSON_FORM } from '../../support/person.ts';

type Scope = Page | FrameLocator;

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048)]);

export const PERSON = PERSON_FORM;

const BANK = {
  '/bankName': 'Chase',
  '/accountName': 'Main checking',
  '/accountDetails/routingNumber': '021000021',
  '/accountDetails/accountNumber': '1234567890',
  '/accountDetails/accountType': 'checking',
  '/accountOwner/accountHolderName': 'Jane Smith',
  '/accountOwner/address/line1': '233 South Wacker Drive',
  '/accountOwner/address/city': 'Chicago',
  '/accountOwner/address/state': 'IL',
  '/accountOwner/address/country': 'usa',
};

const SOLANA_ADDRESS = '7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU';

export async function fillField(scope: Scope, pointer: string, value: string): Promise<void> {
  const control = scope.locator(`[data-pointer="${pointer}"]`).first();
  if ((await control.evaluate((e) => e.tagName)) === 'SELECT') {
    const options = await control.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await control.selectOption(options.find((o) => o.toLowerCase() === value.toLowerCase()) ?? value);
  } else {
    await control.fill(value);
  }
  await control.blur();
}

async function fillAll(scope: Scope, values: Record<string, string>) {
  for (const [pointer, value] of Object.entries(values)) await fillField(scope, pointer, value);
}

const button = (scope: Scope, name: string) => scope.getByRole('button', { name, exact: true });
const criterion = (scope: Scope, group: string, status: string) => scope.locator(`[data-criterion="${group}"][data-status="${status}"]`);
export const step = (scope: Scope, id: string) => scope.locator(`[data-step="${id}"]`);

/** Opens a sandbox hosted page (TOS, face check) from the widget and confirms it in the new window. */
async function confirmHostedPage(context: BrowserContext, scope: Scope, opener: string, confirm: string) {
  const popup = context.waitForEvent('page');
  await button(scope, opener).click();
  const page = await popup;
  const closed = page.waitForEvent('close');
  await page.getByRole('button', { name: confirm }).click();
  // The sandbox's page closes itself once confirmed (it has an opener).
  await closed;
}

/**
 * From the first screen to deposit instructions: individual profile, the
 * verification checklist (passport, terms, face check), review, approval by
 * the host page's sandbox control `approve`, then bank account, wallet,
 * quote, and the on-ramp transfer.
 */
export interface HostPage {
  /** Approves the person's KYC with the host page's sandbox control. */
  approve(): Promise<void>;
  /** Waits until the host page has received `type` at least `count` times. */
  received(type: string, count: number): Promise<void>;
}

export async function onboardAndOnRamp(context: BrowserContext, scope: Scope, host: HostPage): Promise<void> {
  await scope.locator('input[type="radio"][value="individual"]').check();
  await fillAll(scope, PERSON);
  await button(scope, 'Continue').click();

  await criterion(scope, 'identity_document', 'required').waitFor();
  await fillField(scope, '/documentType', 'passport');
  await scope.locator('input[type="file"][data-side="front"]').setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: PDF });
  await button(scope, 'Upload').click();
  await criterion(scope, 'identity_document', 'pending').waitFor();
  await confirmHostedPage(context, scope, 'Open terms of service', 'I accept the terms');
  await criterion(scope, 'terms_of_service', 'complete').waitFor();
  await confirmHostedPage(context, scope, 'Start face check', 'Complete the liveness check');
  // The last criterion done: the checklist shows it complete, unless the document review
  // settled meanwhile and the widget already moved on to the review step.
  await criterion(scope, 'liveness_check', 'complete').or(step(scope, 'review')).waitFor();

  // The sandbox reviews documents in 2 s of its clock; its sweep settles them in real time.
  await step(scope, 'review').waitFor({ timeout: 20_000 });
  await host.approve();
  await step(scope, 'ramp').waitFor();

  // Amount first: the estimate for the amount, then the instruments (added in focused sub-steps).
  await fillField(scope, '/amount', '100');
  await scope.locator('[data-value="source"]', { hasText: '100.00 USD' }).first().waitFor();
  await button(scope, 'Continue').click();
  await scope.locator('sphere-ramp-bank-account-form [data-pointer="/bankName"]').waitFor();
  await fillAll(scope, BANK);
  await scope.locator('sphere-ramp-bank-account-form').getByRole('button', { name: 'Save', exact: true }).click();
  await host.received('ramp-instrument-added', 1);
  await scope.locator('sphere-ramp-wallet-form [data-pointer="/network"]').waitFor();
  await fillAll(scope, { '/network': 'sol', '/address': SOLANA_ADDRESS });
  await scope.locator('sphere-ramp-wallet-form').getByRole('button', { name: 'Save', exact: true }).click();
  await host.received('ramp-instrument-added', 2);

  await button(scope, 'Get quote').click();
  await step(scope, 'quote').waitFor();
  await button(scope, 'Confirm and create transfer').click();
  await step(scope, 'transfer').waitFor();
  await scope.getByText('Send exactly 100.00 USD by ACH').first().waitFor();
}
