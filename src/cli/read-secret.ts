// A password for the CLI: typed at a hidden prompt when stdin is a terminal,
// else the first line of stdin (`printf '%s\n' "$PW" | beloftemeter user add ...`),
// so it never appears in the shell history or the process list.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { InputError } from '../errors.js';

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n') || text.length > 4096) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function hiddenPrompt(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    let muted = false;
    const output = new Writable({
      write(chunk, _encoding, done) {
        if (!muted) process.stderr.write(chunk);
        done();
      },
    });
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

export async function readSecret(prompt: string): Promise<string> {
  const secret = process.stdin.isTTY ? await hiddenPrompt(prompt) : await firstLineOfStdin();
  if (!secret) throw new InputError('no password given: type it at the prompt, or pass it on stdin');
  return secret;
}
