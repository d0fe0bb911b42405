/**
 * Where the proxy lives when `api-base` is not set: the origin the
 * script-tag build was loaded from (the proxy serves it), else the page's
 * own origin. Nothing here touches the DOM at module load, so importing the
 * package on a server does not throw.
 *
 * `document.currentScript` is deliberately not used: in an npm bundle it is
 * the merchant's own bundle, often on a CDN that is not the proxy.
 */
let moduleOrigin: string | undefined;

/** The script-tag build's entry tells us the URL it came from (ES modules have no `currentScript`). */
export function setScriptOrigin(url: string): void {
  moduleOrigin = new URL(url).origin;
}

/** How the API origin was chosen, for the diagnosis `debug` prints. */
export type ApiBaseSource = 'attribute' | 'script' | 'page';

export interface ApiBase {
  url: string;
  source: ApiBaseSource;
}

export function resolveApiBase(attribute: string | undefined): ApiBase {
  if (attribute) return { url: new URL(attribute, location.href).toString(), source: 'attribute' };
  if (moduleOrigin) return { url: moduleOrigin, source: 'script' };
  return { url: location.origin, source: 'page' };
}

/**
 * Hosts that serve npm packages: a script tag loaded from one of them would
 * send the widget's API calls to the CDN. Known by name so the warning comes
 * before any request.
 */
const PACKAGE_CDNS = ['unpkg.com', 'cdn.jsdelivr.net', 'fastly.jsdelivr.net', 'esm.sh', 'cdnjs.cloudflare.com', 'cdn.skypack.dev', 'ga.jspm.io', 'esm.run'];

export const isPackageCdn = (origin: string): boolean => {
  try {
    return PACKAGE_CDNS.includes(new URL(origin).hostname);
  } catch {
    return false;
  }
};
