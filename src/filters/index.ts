// The "test deliverability" engine as one lazily loaded bundle (dist/filters.js): the message
// builder, the SpamAssassin and Rspamd clients, the source locator and the test send. The
// extension loads it on the first test, never at activation.
export { buildMessage, BuildError, addressesOf, type BuildOptions, type BuiltMessage, type HeaderDefaults } from '../message/build';
export { htmlToText } from '../message/text';
export { textPartEdit } from '../message/textPart';
export { sendMessage, SendError, MAX_TEST_RECIPIENTS, type SendOptions, type SendResult, type SendSecurity } from '../message/send';
export { runFilter, verdictLine, fmt, FILTER_LABEL, type FilterName, type FilterOutcome, type FilterTarget } from './run';
export { filterText, installHelp, type FilterMessageKey } from './messages';
export { buildModel } from '../engine/parse/index';
export { detectKind } from '../engine/lint';
