// The recipient-list checks, bundled on their own (dist/lists.js): the CLI and the extension
// load them only when a list is checked, with their data (disposable domains, Public Suffix
// List, providers).
export { INVALID_RATE_DANGER, INVALID_RATE_WARNING, ListAnalyzer, type AnalyzeOptions } from './analyze';
export { mailboxKey, parseAddress, roleOf } from './address';
export { DomainCache, DnsServerError, domainMail, listResolver, lookupDomains, type DomainMail } from './dns';
export { domainFacts } from './domains';
export { analyzeFile, analyzeStream, AtomicExport, canonicalPath, sameFile, stampOf, type FileStamp } from './files';
export { checkDiscipline, readHistory, type DisciplineReport, type Send } from './history';
export { listText, percent } from './i18n';
export { fieldSpan, formatBytes, ListReader, MAX_COLUMNS, MAX_LINE_BYTES, type CsvRecord } from './reader';
export { disciplineJson, jsonHead, rampText, reasonMessage, reasonSeparator, rowJson, summaryJson, textDiscipline, textRow, textSummary } from './report';
export { suggestDomain } from './typo';
export * from './types';
