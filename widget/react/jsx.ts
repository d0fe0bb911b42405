/**
 * `<sphere-ramp>` in TSX (React 19): attributes and `onramp-*` listeners
 * typed, so a strict TSX app can use the element itself, not only the
 * `<SphereRamp>` wrapper. Comes with `sphere-ramp/react`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { SphereRamp } from '../sphere-ramp/sphere-ramp.ts';
import type { SphereRampAttributes, SphereRampEventListeners } from '../types/attributes.ts';

export type SphereRampJsxProps = Omit<DetailedHTMLProps<HTMLAttributes<SphereRamp>, SphereRamp>, keyof SphereRampAttributes> &
  SphereRampAttributes &
  SphereRampEventListeners;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'sphere-ramp': SphereRampJsxProps;
    }
  }
}
