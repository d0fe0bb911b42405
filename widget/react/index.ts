/** sphere-ramp/react: `<SphereRamp>` for React (registers `<sphere-ramp>` on import). */
export { SphereRamp, RAMP_EVENT_PROPS, type SphereRampProps } from './sphere-ramp.ts';
export { RAMP_EVENTS, type RampEvent, type RampEventMap, type RampEventName } from '../events.ts';
export type { SphereRampJsxProps } from './jsx.ts';
export type { SphereRampAttributes, SphereRampEventListeners } from '../types/attributes.ts';
