/** Registers `<sphere-ramp-document-upload>` and the elements it renders. */
import { defineElement } from '../../../ui/define-element.ts';
import { DocumentUpload } from './document-upload.ts';

defineElement('sphere-ramp-document-upload', DocumentUpload);

declare global {
  interface HTMLElementTagNameMap {
    'sphere-ramp-document-upload': DocumentUpload;
  }
}
