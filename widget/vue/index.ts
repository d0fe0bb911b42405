/**
 * sphere-ramp/vue: `<sphere-ramp>` for Vue's template type-checker (vue-tsc).
 * Import it once in the app (`import 'sphere-ramp/vue'`); it registers the
 * element like the main entry and declares it as a global component with
 * its typed attributes. Tell Vue's compiler the tag is a custom element
 * (`compilerOptions.isCustomElement`), see docs/embedding.md.
 */
import '../sphere-ramp/define.ts';
import type { DefineComponent } from 'vue';
import type { SphereRampAttributes } from '../types/attributes.ts';

export * from '../index.ts';

declare module 'vue' {
  interface GlobalComponents {
    'sphere-ramp': DefineComponent<SphereRampAttributes>;
  }
}
