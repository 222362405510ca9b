/** Why a log could not be analysed at all; `where` points at the spot when there is one. */
export type LogInputErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'encoding'
  | 'no-address'
  | 'no-time-column'
  | 'bad-json'
  | 'bad-timezone'
  | 'bad-network'
  | 'bad-option';

/** The only error the analysis throws for bad input; its message is meant for the user as is. */
export class LogInputError extends Error {
  override readonly name = 'LogInputError';
  constructor(
    readonly code: LogInputErrorCode,
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
  }
}
