/**
 * `<SphereRamp>` for React: the real element through `@lit/react`, with a
 * typed callback prop for every `ramp-*` event (`onRampQuote`, ...) and the
 * element's properties (`fetchSession`, presets) as props.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '../sphere-ramp/define.ts';
import { SphereRamp as SphereRampElement } from '../sphere-ramp/sphere-ramp.ts';
import type { RampEvent } from '../events.ts';

const on = <K extends Parameters<typeof rampEventProp>[0]>(name: K) => name as EventName<RampEvent<K>>;
const rampEventProp = (name: keyof HTMLElementEventMap & `ramp-${string}`) => name;

/** Callback prop -> event name; the props' types follow from the event map. */
export const RAMP_EVENT_PROPS = {
  onRampReady: on('ramp-ready'),
  onRampStepChange: on('ramp-step-change'),
  onRampCustomerCreated: on('ramp-customer-created'),
  onRampVerificationChange: on('ramp-verification-change'),
  onRampInstrumentAdded: on('ramp-instrument-added'),
  onRampQuote: on('ramp-quote'),
  onRampQuoteExpired: on('ramp-quote-expired'),
  onRampTransferCreated: on('ramp-transfer-created'),
  onRampTransferStatus: on('ramp-transfer-status'),
  onRampSessionExpired: on('ramp-session-expired'),
  onRampError: on('ramp-error'),
};

export const SphereRamp = createComponent({
  tagName: 'sphere-ramp',
  elementClass: SphereRampElement,
  react: React,
  events: RAMP_EVENT_PROPS,
  displayName: 'SphereRamp',
});

export type SphereRampProps = React.ComponentProps<typeof SphereRamp>;
