/** The demo's index page: only the user bar. */
import { setupChrome } from './chrome.ts';

void setupChrome();
