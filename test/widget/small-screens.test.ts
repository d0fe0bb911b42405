/**
 * Small screens (320 and 400 px wide): the card gives its width to the
 * content, and no row of the amount screen, the quote or the receipt and
 * deposit instructions is wider than the card.
 */
import { expect } from '@open-wc/testing';
import type { SphereRamp } from '../../widget/sphere-ramp/sphere-ramp.ts';
import { click, deepQuery, deepQueryAll, mountRamp, settle, uniqueUser, waitForStep, waitUntil } from '../support/browser/ramp.ts';
import { addEurBankAccount, addWallet, approvedCustomer, continueWithAmount } from '../support/browser/money.ts';

/** Elements whose box reaches past the card's content box, or whose content is wider than themselves. */
function overflowing(el: SphereRamp): string[] {
  const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!.getBoundingClientRect();
  const out: string[] = [];
  for (const node of deepQueryAll<HTMLElement>(el.shadowRoot!, '*')) {
    if (node.closest('dialog') || node instanceof SVGElement || getComputedStyle(node).display === 'none') continue;
    const box = node.getBoundingClientRect();
    if (box.width === 0) continue;
    const describe = `${node.tagName.toLowerCase()}${node.className && typeof node.className === 'string' ? `.${node.className.trim().replace(/\s+/g, '.')}` : ''}`;
    if (box.right > base.right + 0.5 || box.left < base.left - 0.5) out.push(`${describe} outside the card (${Math.round(box.left)}-${Math.round(box.right)} vs ${Math.round(base.left)}-${Math.round(base.right)})`);
    else if (node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX === 'visible' && node.clientWidth > 0) out.push(`${describe} content wider than it (${node.scrollWidth} > ${node.clientWidth})`);
  }
  return out;
}

const contentWidth = (el: SphereRamp) => deepQuery<HTMLElement>(el.shadowRoot!, '[part="body"]')!.getBoundingClientRect().width;

describe('<sphere-ramp> on small screens', () => {
  for (const width of [320, 400]) {
    it(`fits ${width} px: amount screen, quote and receipt with deposit instructions`, async function () {
      // Three screens against the real server, each measured element by element.
      this.timeout(45000);
      const user = uniqueUser(`narrow-${width}`);
      const customerId = await approvedCustomer(user);
      await addEurBankAccount(user, customerId);
      await addWallet(user, customerId, 'polygon');
      const { el } = await mountRamp({ user, attrs: { direction: 'off-ramp', 'source-currency': 'usdc', 'destination-currency': 'eur' }, policy: { integratorFeeBps: '25' } });
      el.style.width = `${width}px`;
      el.style.display = 'block';
      await waitForStep(el, 'ramp');
      await waitUntil(() => deepQuery(el.shadowRoot!, '[data-value="destination"]'), 'estimate');
      await settle(el);
      // The card's padding and border take at most 28 px of the width.
      expect(contentWidth(el)).to.be.at.least(width - 28);
      expect(overflowing(el)).to.deep.equal([]);

      await continueWithAmount(el, '123456.78');
      await settle(el);
      expect(overflowing(el)).to.deep.equal([]);
      await click(el, 'Get quote');
      await waitForStep(el, 'quote');
      await settle(el);
      expect(overflowing(el)).to.deep.equal([]);
      await click(el, 'Confirm and create transfer');
      await waitForStep(el, 'transfer');
      await waitUntil(() => deepQuery(el.shadowRoot!, '[data-value="to"]'), 'receipt');
      await settle(el);
      expect(overflowing(el)).to.deep.equal([]);
      await expect(deepQuery(el.shadowRoot!, '[data-step="transfer"]')!).to.be.accessible();
    });
  }
});
