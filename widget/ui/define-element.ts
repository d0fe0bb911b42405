/**
 * Registers a custom element once. Loading the script twice, or a host that
 * already registered the tag, must do no harm.
 */
import { EXPORTED_PARTS } from './part-names.ts';

/** The public element; every other tag is internal and forwards its parts up. */
const ROOT_TAG = 'sphere-ramp';

export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  customElements.define(tag, tag === ROOT_TAG ? element : exportingParts(element));
}

type Connectable = new () => HTMLElement & { connectedCallback?(): void };

/**
 * `::part()` does not cross shadow roots: without `exportparts` on each
 * nested host, `sphere-ramp::part(field)` would style nothing. Done here, in
 * the one place every internal element is registered, so no element can
 * forget it. An `exportparts` the template sets is left alone.
 */
function exportingParts(element: CustomElementConstructor): CustomElementConstructor {
  const Base = element as unknown as Connectable;
  return class extends Base {
    override connectedCallback() {
      if (!this.hasAttribute('exportparts')) this.setAttribute('exportparts', EXPORTED_PARTS);
      super.connectedCallback?.();
    }
  };
}
