// Splits an mbox file (the one-file mail archive Thunderbird, mutt and most servers export)
// into its messages, streaming, so a year's archive is never all in memory.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * Each message as raw RFC 822 bytes. A message starts at a separator line ("From sender date",
 * the date ending in its year) at the start of the file or after a blank line; inside a
 * message, lines that began with "From " were written as ">From " (and ">From " as ">>From ",
 * mboxrd): one ">" is taken off again. A body line "From the unit…" that a careless writer
 * left unquoted does not end in a year, so it is not taken for a separator.
 */
export async function* mboxMessages(file: string): AsyncGenerator<Buffer> {
  // latin1 maps every byte to one character and back: the bytes of 8-bit parts survive.
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'latin1' }),
    crlfDelay: Infinity,
  });
  let message: string[] | null = null;
  let previousBlank = true;
  for await (const line of lines) {
    if (previousBlank && SEPARATOR.test(line)) {
      if (message) yield toBuffer(message);
      message = [];
    } else if (message) {
      message.push(/^>+From /.test(line) ? line.slice(1) : line);
    }
    previousBlank = line === '';
  }
  if (message) yield toBuffer(message);
}

const SEPARATOR = /^From \S+ +\S.*\d{4}\s*$/;

function toBuffer(lines: string[]): Buffer {
  // The blank line before the next separator belongs to the mbox, not to the message.
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}
