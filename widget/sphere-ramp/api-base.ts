/**
 * Where the proxy lives when `api-base` is not set: the origin of the script
 * that loaded the widget (script-tag embeds load it from the proxy), else the
 * page's own origin. Read once, while the script is being evaluated, because
 * `document.currentScript` is only set then.
 */
const scriptOrigin = (() => {
  const script = typeof document !== 'undefined' ? document.currentScript : null;
  if (script instanceof HTMLScriptElement && script.src) return new URL(script.src, location.href).origin;
  return undefined;
})();

let moduleOrigin: string | undefined;

/** For builds loaded as ES modules (the script-tag build), where `currentScript` is null: the URL they came from. */
export function setScriptOrigin(url: string): void {
  moduleOrigin = new URL(url).origin;
}

export function resolveApiBase(attribute: string | undefined): string {
  if (attribute) return new URL(attribute, location.href).toString();
  return scriptOrigin ?? moduleOrigin ?? location.origin;
}
