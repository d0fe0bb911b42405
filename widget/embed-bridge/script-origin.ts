/**
 * The script-tag build runs as ES modules (so steps still load on demand),
 * where `document.currentScript` is null: tell the element the proxy origin
 * from this module's own URL. Imported before the element is defined.
 */
import { setScriptOrigin } from '../sphere-ramp/api-base.ts';

setScriptOrigin(import.meta.url);
