// Questions on a terminal for `ledgerline init`: the current value is the default (Enter keeps it),
// secrets are typed without echo, and nothing is asked when init runs from flags (CI).
import { Writable } from 'node:stream';
import readline from 'node:readline/promises';

export interface Prompter {
  /** An answer, or `current` when the user just presses Enter. */
  ask(question: string, current?: string): Promise<string>;
  /** A secret typed without echo; undefined when Enter keeps the current one. */
  askSecret(question: string, hasCurrent: boolean): Promise<string | undefined>;
  confirm(question: string, defaultYes: boolean): Promise<boolean>;
  close(): void;
}

/** readline over the terminal, with an output that can be muted while a secret is typed. */
export function terminalPrompter(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Prompter {
  let muted = false;
  const echo = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input, output: echo, terminal: true });
  const question = (text: string) => rl.question(text);
  return {
    async ask(text, current) {
      const answer = (await question(`${text}${current ? ` [${current}]` : ''}: `)).trim();
      return answer === '' ? (current ?? '') : answer;
    },
    async askSecret(text, hasCurrent) {
      output.write(`${text}${hasCurrent ? ' [Enter keeps the current one]' : ''}: `);
      muted = true;
      try {
        const answer = (await question('')).trim();
        return answer === '' ? undefined : answer;
      } finally {
        muted = false;
        output.write('\n');
      }
    },
    async confirm(text, defaultYes) {
      for (;;) {
        const answer = (await question(`${text} ${defaultYes ? '[Y/n]' : '[y/N]'}: `)).trim().toLowerCase();
        if (answer === '') return defaultYes;
        if (['y', 'yes'].includes(answer)) return true;
        if (['n', 'no'].includes(answer)) return false;
      }
    },
    close: () => rl.close(),
  };
}
