import type { Rule } from '../rule';
import { allCaps } from './all-caps';
import { attachments } from './attachments';
import { contactInfo } from './contact-info';
import { emoji } from './emoji';
import { exclamation } from './exclamation';
import { freemailSender } from './freemail-sender';
import { hiddenText } from './hidden-text';
import { htmlEmbed } from './html-embed';
import { htmlForm } from './html-form';
import { htmlNesting } from './html-nesting';
import { htmlScript } from './html-script';
import { htmlWidth } from './html-width';
import { imageAlt } from './image-alt';
import { imageRatio } from './image-ratio';
import { imageSize } from './image-size';
import { linkInsecure } from './link-insecure';
import { linkIp } from './link-ip';
import { linkMismatch } from './link-mismatch';
import { linkShortener } from './link-shortener';
import { listUnsubscribe } from './list-unsubscribe';
import { messageSize } from './message-size';
import { mimeStructure } from './mime-structure';
import { spamPhrase } from './spam-phrase';
import { spelling } from './spelling';
import { grammar } from './grammar';
import { textAlternative } from './text-alternative';
import { trackingPixel } from './tracking-pixel';
import { unsubscribe } from './unsubscribe';

/** Every rule, in the order findings are reported for the same position and docs list them. */
export const rules: readonly Rule[] = [
  // content
  spamPhrase,
  allCaps,
  exclamation,
  emoji,
  spelling,
  grammar,
  // html
  htmlScript,
  htmlEmbed,
  htmlForm,
  htmlWidth,
  hiddenText,
  htmlNesting,
  // images
  imageRatio,
  imageAlt,
  imageSize,
  trackingPixel,
  // links
  linkMismatch,
  linkShortener,
  linkIp,
  linkInsecure,
  // bulk mail
  unsubscribe,
  contactInfo,
  listUnsubscribe,
  // sender
  freemailSender,
  // message
  messageSize,
  attachments,
  textAlternative,
  mimeStructure,
] as unknown as readonly Rule[];
