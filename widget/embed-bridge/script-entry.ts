/** The script-tag build's entry, imported by `/sphere-ramp.js`: registers `<sphere-ramp>`, nothing global. */
import './script-origin.ts';
import '../sphere-ramp/define.ts';
