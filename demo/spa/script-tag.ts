/**
 * The script-tag page's own code: the widget itself comes from
 * `<script src="/sphere-ramp.js">`; the page only listens to its events.
 */
import { logEventsOf, setupChrome } from './chrome.ts';

logEventsOf(document.querySelector('sphere-ramp')!);
void setupChrome();
