// Messages of the list checks and of `mailproof list`, in English. Every key has a French twin
// in fr.ts (a test compares the two catalogues and their placeholders).
export const en = {
  // Reasons, one per row problem.
  'reason.empty': 'No address in this row',
  'reason.missing-at': 'The address has no @',
  'reason.multiple-at': 'The address has more than one @',
  'reason.too-long': 'The address is {length} characters long; RFC 5321 allows 254',
  'reason.local-too-long': 'The part before @ is {length} characters long; RFC 5321 allows 64',
  'reason.local-invalid': 'The part before @ has characters, spaces or dots that an address cannot have',
  'reason.domain-invalid': '“{domain}” is not a valid domain name',
  'reason.domain-literal': 'The address names an IP address instead of a domain',
  'reason.syntax': 'The address is not valid (RFC 5322)',
  'reason.unknown-tld': '“.{tld}” is not a registered top-level domain',
  'reason.typo-domain': '“{domain}” looks like a typo of {suggestion}',
  'reason.disposable': '“{domain}” is a disposable-address service',
  'reason.role': '“{local}@” is a role account, not a person: such addresses rarely subscribe and often complain',
  'reason.trap-role': '“{local}@” is read by abuse teams and behaves like a spam trap',
  'reason.duplicate': 'Same mailbox as line {first}',
  'reason.no-domain': 'The domain “{domain}” does not exist (NXDOMAIN)',
  'reason.null-mx': '“{domain}” accepts no mail (null MX, RFC 7505)',
  'reason.no-mx-a': '“{domain}” has no MX record; mail would go to its address record',
  'reason.no-mail-host': '“{domain}” has neither an MX nor an address record: mail cannot be delivered',
  'reason.dns-failed': 'The DNS lookup of “{domain}” failed ({code})',

  'status.valid': 'valid',
  'status.risky': 'risky',
  'status.invalid': 'invalid',
  'status.duplicate': 'duplicate',
  'status.unknown': 'unknown',

  // Input problems (the file as a whole or a line of it).
  'input.notFound': '{file}: no such file or directory',
  'input.unreadable': '{file}: cannot be read ({reason})',
  'input.binary': '{file}: binary file, not a list of addresses',
  'input.utf16': '{file}: UTF-16 text; save the list as UTF-8 (CSV UTF-8) and try again',
  'input.tooManyColumns': '{file}: line {line} has {count} columns; at most {max} are read',
  'input.unterminatedQuote': '{file}: the quoted field opened on line {line} is not closed after {max} lines',
  'input.changed': '{file}: the file changed while it was being read',
  'input.noColumn': '{file}: no column named “{column}” (columns: {columns})',
  'input.badColumnNumber': '{file}: column {column} does not exist (the file has {count})',
  'input.empty': '{file}: no rows',
  'warning.lineTooLong': 'Line {line} is longer than {max} and was skipped ({size} or more)',
  'warning.encoding': 'Lines read as Windows-1252 because they are not valid UTF-8: {count} (first: line {line})',
  'warning.noAddressColumn': 'No column looks like email addresses; column {column} was read',

  // Summary.
  'summary.rows': '{rows} {rows:row|rows}: {valid} valid, {risky} risky, {invalid} invalid, {duplicate} {duplicate:duplicate|duplicates}, {unknown} unknown',
  'summary.column': 'Addresses read from column {column}',
  'summary.rate.ok': 'Invalid addresses: {rate} (under {warn}: fine)',
  'summary.rate.warning': 'Invalid addresses: {rate}, over {warn}: clean the list before sending, receivers count every bounce',
  'summary.rate.danger': 'Invalid addresses: {rate}, over {danger}: a send to this list is likely to be treated as spam and can get the account suspended',
  'summary.dns.skipped': 'Domains were not looked up (--no-dns): missing domains and domains without mail servers are not detected',
  'summary.dns.done': '{domains} domains looked up',
  'summary.dns.failed': '{domains} domains looked up; {failed} could not be checked (rows marked unknown)',
  'summary.duplicates': 'Mailboxes listed more than once: {groups} ({rows} extra {rows:row|rows})',
  'summary.reasons': 'Reasons:',
  'summary.clean': '{count} {count:row|rows} written to {file}',
  'summary.suppressed': '{count} {count:row|rows} written to {file}',
  'summary.noProblems': 'No problems found in {file}',

  // Sending discipline (--history).
  'history.jump': '{date}: {to} recipients after {from} on {previous} (×{factor}; at most ×{max} a day)',
  'history.plannedJump': 'This list would go to {to} recipients after {from} on {previous} (×{factor}; at most ×{max} a day)',
  'history.ramp': 'Warm-up ramp: {steps}',
  'history.complaints.warning': '{date}: complaint rate {rate} ({complaints} of {recipients}); Gmail and Yahoo ask for under 0.10%',
  'history.complaints.danger': '{date}: complaint rate {rate} ({complaints} of {recipients}); Gmail and Yahoo filter senders that reach 0.30%',
  'history.bounces.warning': '{date}: bounce rate {rate} ({bounces} of {recipients}); keep it under 2%',
  'history.bounces.danger': '{date}: bounce rate {rate} ({bounces} of {recipients}); over 5% sending services review or suspend the account',
  'history.ok': '{sends} sends: volume, complaint and bounce rates within limits',
  'history.badRow': '{file}: line {line} is not “date, recipients[, bounces, complaints]”',
  'history.noColumns': '{file}: needs a date and a recipients column (found: {columns})',
  'history.tooManyRows': '{file}: more than {max} sends; only the first {max} were read',

  // The command line.
  'cli.usage': `Usage: mailproof list [options] FILE...

Checks recipient lists (CSV, text, Mailchimp/Brevo/Mailjet exports) offline: syntax,
duplicates, typo domains, unregistered TLDs, disposable domains, role accounts, and the
mail DNS of each domain. No address leaves the machine: only domain names are looked up.

Options:
  --format text|json          Output format (default: text); json: one document per file
  --column NAME|NUMBER        The address column (default: detected)
  --no-dns                    Do not look up domains (MX, null MX, address records)
  --dns HOST[:PORT]           Send the DNS queries to this server (repeatable)
  --write-clean FILE          Write the rows to keep (all columns) to FILE
  --write-suppressed FILE     Write the other rows (all columns) to FILE
  --keep STATUSES             Statuses written to the clean file (default: valid,unknown)
  --history FILE              Past sends (date, recipients[, bounces, complaints]) to check
  --max-growth FACTOR         Largest day-over-day volume growth (default: 2)
  --locale en|fr              Language of the messages (default: from LANG)

Statuses: valid, risky, invalid, duplicate, unknown.
Exit codes: 0 nothing to remove and no sending limit crossed, 1 otherwise, 2 bad usage or unreadable input.`,
  'cli.badFormat': 'unknown format “{value}”; use {allowed}',
  'cli.noFiles': 'no list given; run “mailproof list --help”',
  'cli.badKeep': '“{value}” is not a list of statuses (valid, risky, invalid, duplicate, unknown)',
  'cli.badGrowth': '“{value}” is not a growth factor above 1',
  'cli.exportsNeedOneFile': '--write-clean and --write-suppressed take one list at a time (got {count})',
  'cli.exportIsInput': '{file} is the list being read; choose another file to write',
  'cli.sameExports': '--write-clean and --write-suppressed name the same file',
  'cli.badDns': '“{value}” is not a DNS server that can be reached (use HOST or HOST:PORT, [IPv6]:PORT)',
  'cli.dnsConflict': '--no-dns and --dns cannot be used together',
  'cli.cannotWrite': '{file}: cannot be written ({reason})',
  // The editor.
  'editor.tooLarge': 'List too large to check while typing ({size}; limit {max}): run “Mailproof: Check Recipient List”',
  'editor.more': '{count} more {count:row|rows} with problems are not shown here: run “Mailproof: Check Recipient List” for the report',
  'editor.fix': 'Change the domain to {domain}',
  'editor.noList': 'Open a recipient list (CSV or text) to check it',
  'editor.progress': 'Checking {file}…',
  'editor.progressDns': 'Looking up {count} domains…',
  'editor.failed': 'The list check could not run: {reason}',
  'editor.showOutput': 'Show output',
  'panel.title': 'Recipient list',
  'panel.running': 'Checking the list and its domains…',
  'panel.cancelled': 'Check cancelled.',
  'panel.rerun': 'Check again',
  'panel.cancel': 'Cancel',
  'panel.statusHeading': 'Rows by status',
  'panel.reasonsHeading': 'Reasons',
  'panel.problemsHeading': 'Rows to look at',
  'panel.line': 'Line',
  'panel.address': 'Address',
  'panel.status': 'Status',
  'panel.reason': 'Why',
  'panel.more': '{0} more rows are in the Problems view',
  'panel.privacy': 'No address left this machine: only domain names were looked up in DNS.',
  // Text output headings.
  'text.discipline': 'Sending discipline:',
  'text.warnings': 'Warnings:',
} as const;
