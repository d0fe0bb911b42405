/** What every way of creating the customer does next: store it, tie it to the session, tell the host. */
import type { Customer } from '../../../contract/spherepay/customer.ts';
import type { RampContext } from '../../state/context.ts';

export function customerCreated(ctx: RampContext, customer: Customer): void {
  const session = ctx.state.session ? { ...ctx.state.session, customerId: customer.id } : ctx.state.session;
  ctx.set({ customer, session });
  ctx.emit('ramp-customer-created', { customerId: customer.id, type: customer.type === 'business' ? 'business' : 'individual' });
}
