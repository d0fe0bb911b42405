/**
 * The `/embed` page's code: the widget full-frame, its attributes from the
 * URL (none secret), its session from the host through the bridge.
 */
// The script-tag entry, not define.ts: the element and its shell then live in one
// entry chunk that both pages share, rather than a tiny entry importing a shared chunk.
import './script-entry.ts';
import { FRAME_ATTRIBUTES } from '../../contract/frame-protocol.ts';
import { startBridge } from './bridge.ts';

/** The server injects the allowlist as JSON (RAMP_ALLOWED_ORIGINS). */
function allowedOrigins(): string[] {
  try {
    const parsed: unknown = JSON.parse(document.getElementById('sphere-ramp-embed')?.textContent ?? '{}');
    const list = (parsed as { allowedOrigins?: unknown }).allowedOrigins;
    return Array.isArray(list) ? list.filter((o): o is string => typeof o === 'string') : [];
  } catch {
    return [];
  }
}

if (window.parent !== window) {
  const element = document.createElement('sphere-ramp');
  const params = new URLSearchParams(location.search);
  for (const name of FRAME_ATTRIBUTES) {
    const value = params.get(name);
    if (value) element.setAttribute(name, value);
  }
  // fetchSession is set before the element connects, so its first session comes from the host.
  startBridge({ element, allowedOrigins: allowedOrigins() });
  document.querySelector('main')?.replaceChildren(element);
}
