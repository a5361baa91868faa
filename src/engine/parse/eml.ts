import type { Attachment, Header, ParseProblem } from '../model';
import { shiftMapper, type SourceMapper } from '../text/view';
import { utf8Length } from './charset';
import { parseHeaderBlock } from './headers';

/** A text body found in a message, with the map from its decoded content to the file. */
export interface EmlBody {
  type: 'html' | 'text';
  /** Decoded content. */
  content: string;
  mapper: SourceMapper;
  editable: boolean;
  encode: (text: string) => string;
  /** Source range of the raw content. */
  start: number;
  end: number;
  byteSize: number;
}

/** What the MIME reader found in a message. */
export interface EmlParse {
  headers: Header[];
  bodies: EmlBody[];
  attachments: Attachment[];
  problems: ParseProblem[];
}

/** Reads an RFC 5322 message. */
export function parseEml(source: string): EmlParse {
  const block = parseHeaderBlock(source);
  const type = (block.headers.find((h) => h.key === 'content-type')?.value ?? 'text/plain').toLowerCase();
  const content = source.slice(block.bodyStart);
  return {
    headers: block.headers,
    bodies: [
      {
        type: type.startsWith('text/html') ? 'html' : 'text',
        content,
        mapper: shiftMapper(block.bodyStart),
        editable: true,
        encode: (t) => t,
        start: block.bodyStart,
        end: source.length,
        byteSize: utf8Length(content),
      },
    ],
    attachments: [],
    problems: [],
  };
}
