import pino, { type DestinationStream, type Logger } from 'pino';

/** pino with secrets redacted: tokens, passwords and keys never reach the log. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: {
      paths: [
        'req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'token', '*.token',
        'key', '*.key', 'secret', '*.secret', 'signerKey', '*.signerKey',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
