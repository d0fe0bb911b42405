/**
 * Registers a custom element once. Loading the script twice, or a host that
 * already registered the tag, must do no harm.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
