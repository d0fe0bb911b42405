/**
 * The SPA page: a React app that imports the package (`sphere-ramp/react`)
 * and handles the widget's events through typed callback props.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SphereRamp } from 'sphere-ramp/react';
import { demoSession, logEvent, setupChrome } from './chrome.ts';

const log = (event: CustomEvent) => logEvent(event.type, event.detail);

function App() {
  return (
    <SphereRamp
      fetchSession={demoSession}
      theme="auto"
      onRampReady={log}
      onRampStepChange={log}
      onRampCustomerCreated={log}
      onRampVerificationChange={log}
      onRampInstrumentAdded={log}
      onRampQuote={(event) => log(event)}
      onRampQuoteExpired={log}
      onRampTransferCreated={log}
      onRampTransferStatus={log}
      onRampSessionExpired={log}
      onRampError={log}
    />
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void setupChrome();
