// The error catalogue: every failure marsad reports has a stable code, a message that says what was
// expected, what was found and how to fix it, and (for batches) is recorded rather than thrown away.

export const ERRORS = {
  E_INPUT_NOT_FOUND: 'The input path does not exist.',
  E_INPUT_UNREADABLE: 'The input could not be read (permissions, a device, a broken link).',
  E_INPUT_EMPTY: 'The input is empty or holds only whitespace.',
  E_INPUT_BINARY: 'The input looks like binary data, not text, HTML, a feed or JSONL.',
  E_INPUT_ENCODING: 'The input bytes could not be decoded in any supported encoding.',
  E_INPUT_FORMAT: 'The input does not match the format it was read as.',
  E_INPUT_TOO_LARGE: 'The input is larger than the configured limit.',
  E_JSONL_RECORD: 'A JSONL line is not a JSON object with a text field.',
  E_FEED_PARSE: 'The feed could not be parsed as RSS 2.0 or Atom.',
  E_NO_TEXT: 'No article text was found after cleaning.',
  E_OPTIONS: 'Options failed validation.',
  E_PIPELINE_REQUIREMENT: 'A pipeline stage requires something no earlier stage provides.',
  E_STAGE_FAILED: 'A pipeline stage threw while analysing an article.',
  E_RESOURCE: 'A resource file is missing, corrupt or in the wrong format.',
  E_DATE: 'A date could not be parsed.',
  E_USAGE: 'The command line is not valid.',
  E_QUERY: 'A search query is not valid (unclosed quote or parenthesis, a dangling OR, only exclusions).',
  E_STORE: 'The store (database) could not be opened, migrated or written.',
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class MarsadError extends Error {
  readonly code: ErrorCode;
  /** The file, URL or record the error is about, when there is one. */
  readonly source: string | undefined;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; source?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MarsadError';
    this.code = code;
    this.source = options.source;
  }
}

export function isMarsadError(value: unknown): value is MarsadError {
  return value instanceof MarsadError;
}
