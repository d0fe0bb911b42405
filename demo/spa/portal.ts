/**
 * The partner-portal page: the widget in an iframe from the proxy's `/embed`,
 * driven by `sphere-ramp/frame`, which re-dispatches the frame's events on the
 * iframe element as the same DOM events the element fires.
 */
import { createRampFrame } from 'sphere-ramp/frame';
import { demoSession, logEventsOf, setupChrome } from './chrome.ts';

const frame = createRampFrame(document.getElementById('frame-host')!, {
  src: '/embed',
  fetchSession: demoSession,
  attributes: { theme: 'auto' },
  title: 'Buy and sell stablecoins',
});
logEventsOf(frame.iframe);
void setupChrome();
