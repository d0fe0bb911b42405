/** Hosted links (TOS, KYC, face verification) and OTP (API.md §2.2-2.6). */
import { Router } from 'express';
import { OtpSendRequest, OtpVerifyRequest } from '../contract/spherepay/onboarding.ts';
import type { Context } from './context.ts';
import { fulfil } from './criteria.ts';
import { hostedLink } from './hosted.ts';
import { findCustomer, findRepresentative } from './lookup.ts';
import { problem } from '../contract/spherepay/problem.ts';
import { HttpProblem, badRequest, invalid, parse } from './problems.ts';
import { profileView, refreshCustomer } from './verification.ts';

const OTP_LIFETIME_SECONDS = 600;
/** D8: the one code that verifies. */
export const SANDBOX_OTP_CODE = '000000';

export function onboardingRouter(ctx: Context): Router {
  const router = Router();

  router.post('/v2/customer/:id/tos-link', (req, res) => {
    const customer = findCustomer(ctx, req.params.id);
    const { url, expiresAt } = hostedLink(ctx, req, 'tos', customer.id);
    res.status(201).json({ link: url, expiresAt });
  });

  router.post('/v2/customer/:id/kyc-link', (req, res) => {
    // D14: refused while anything is required (the link cannot collect missing data);
    // with nothing required it is issued whether the profile is incomplete or pending.
    const customer = findCustomer(ctx, req.params.id);
    refreshCustomer(ctx, customer);
    const status = customer.profile.status;
    if (status === 'approved' || status === 'rejected') throw badRequest(`Verification was already decided (${status})`);
    const { required } = profileView(ctx, customer).criteria;
    if (required.length) {
      throw new HttpProblem(problem(422, 'validation/failed', 'Outstanding verification criteria',
        required.map((item) => ({ detail: `Required: ${item}`, pointer: `/verificationProfiles/0/criteria/required/${item}` }))));
    }
    res.status(201).json(hostedLink(ctx, req, 'kyc', customer.id));
  });

  router.post('/v2/customer/:id/face-verification-link', (req, res) => {
    const customer = findCustomer(ctx, req.params.id);
    if (customer.type !== 'individual') throw badRequest('Face verification is for individuals; use the business representative link');
    res.status(201).json(hostedLink(ctx, req, 'face', customer.id));
  });

  router.post('/v2/business-representative/:id/face-verification-link', (req, res) => {
    const rep = findRepresentative(ctx, req.params.id);
    res.status(201).json(hostedLink(ctx, req, 'face', rep.id));
  });

  router.post('/v2/customer/:id/otp-send', (req, res) => {
    const customer = findCustomer(ctx, req.params.id);
    const { type } = parse(OtpSendRequest, req.body ?? {});
    const expiresAt = ctx.clock.now().getTime() + OTP_LIFETIME_SECONDS * 1000;
    customer.otpSent.set(type, expiresAt);
    res.status(201).json({ customerId: customer.id, expiresAt: new Date(expiresAt).toISOString() });
  });

  router.post('/v2/customer/:id/otp-verify', (req, res) => {
    const customer = findCustomer(ctx, req.params.id);
    const { type, code } = parse(OtpVerifyRequest, req.body ?? {});
    const expiresAt = customer.otpSent.get(type);
    const now = ctx.clock.now();
    if (expiresAt === undefined) throw invalid('/code', `No code was sent to this ${type}; send one first`);
    if (expiresAt <= now.getTime()) throw invalid('/code', 'The code has expired; send a new one');
    if (code !== SANDBOX_OTP_CODE) throw invalid('/code', 'The code is not correct');
    customer.otpSent.delete(type);
    fulfil(customer.profile, `${type}_verification`);
    customer.updatedAt = ctx.timestamp();
    refreshCustomer(ctx, customer);
    res.status(201).json({ customerId: customer.id, verifiedAt: now.toISOString() });
  });

  return router;
}
