/** sphere-ramp/frame: embed the widget as an iframe from the proxy's `/embed` page. */
export { createRampFrame, type RampFrame, type RampFrameOptions } from './ramp-frame.ts';
export { FRAME_ATTRIBUTES, type FrameAttribute, type FrameMessage, type HostMessage } from '../../contract/frame-protocol.ts';
export { RAMP_EVENTS, type RampEvent, type RampEventMap, type RampEventName } from '../events.ts';
