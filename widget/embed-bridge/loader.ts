/**
 * `/sphere-ramp.js`: the one file a merchant adds with `<script src>`. It
 * imports the widget's module entry from its own origin (the build names the
 * hashed entry); loading it twice imports the same module once, and it
 * defines no globals.
 */
declare const __RAMP_SCRIPT_ENTRY__: string;

const script = document.currentScript;
const base = script instanceof HTMLScriptElement && script.src ? script.src : location.href;
import(/* @vite-ignore */ new URL(__RAMP_SCRIPT_ENTRY__, base).href).catch((err: unknown) => {
  console.error('sphere-ramp: could not load the widget', err);
});
