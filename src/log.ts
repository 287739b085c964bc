import pino, { type Logger } from 'pino';

// Structured JSON logs. Personal data never belongs in a log line; these paths are redacted in
// case a library (or a careless call) passes a whole object.
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'kaopu' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          '*.name',
          '*.phone',
          '*.email',
          '*.lat',
          '*.lng',
          '*.token',
          '*.secret',
        ],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
