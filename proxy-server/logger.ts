/** pino, with every secret-bearing field redacted wherever it appears. */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';

const SECRET_KEYS = [
  'authorization', 'Authorization', 'apiKey', 'token', 'signature', 'cookie', 'secret', 'serverSecret', 'webhookSecret',
  'accountNumber', 'routingNumber', 'iban', 'pixKey', 'taxIdentificationNumber', 'identificationNumber',
];

/** `key`, `*.key` and `*.*.key`: pino's redaction works on paths, so cover the depths we log. */
export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: undefined,
    },
    destination,
  );
}

declare global {
  namespace Express {
    interface Request {
      log: Logger;
      id: string;
    }
  }
}
