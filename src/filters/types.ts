/** One rule or symbol a filter matched. */
export interface FilterHit {
  name: string;
  /** Points it added (negative: it counted towards ham). */
  score: number;
  description: string;
}

/** A filter's verdict on one message. */
export interface FilterResult {
  filter: 'spamassassin' | 'rspamd';
  score: number;
  /** The server's spam threshold (SpamAssassin's required_score, Rspamd's reject score). */
  threshold: number;
  isSpam: boolean;
  /** Rspamd's action (`no action`, `add header`, `reject`…). */
  action?: string;
  hits: FilterHit[];
  /** Wall time of the exchange, in milliseconds. */
  elapsedMs: number;
}

/**
 * Why a filter gave no verdict. `unreachable`: nothing listens there; `timeout`: no complete
 * answer in time; `tooLarge`: the message or the answer is over the size cap; `protocol`: the
 * answer is not what the protocol says.
 */
export class FilterError extends Error {
  constructor(
    readonly code: 'unreachable' | 'timeout' | 'tooLarge' | 'protocol',
    message: string,
  ) {
    super(message);
  }
}
