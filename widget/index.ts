/** sphere-ramp: the `<sphere-ramp>` element, its events and types. Importing registers the element. */
import './sphere-ramp/define.ts';

export { SphereRamp } from './sphere-ramp/sphere-ramp.ts';
export { RAMP_EVENTS, rampEvent, type RampEvent, type RampEventMap, type RampEventName } from './events.ts';
export type { StepId, Direction } from './state/flow.ts';
export type { SphereRampAttributes, SphereRampEventListeners } from './types/attributes.ts';
export { RAMP_ERROR_CODES, type RampErrorCode, type RampErrorDetail } from '../contract/ramp-events.ts';
