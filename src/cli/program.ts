import { Command, CommanderError, Option } from 'commander';
import { InputError, RuntimeFailure, errorMessage } from '../errors.js';
import { registerDocumentCommands } from './commands/documents.js';
import { registerEmbedCommand } from './commands/embed.js';
import { registerEvaluateCommands } from './commands/evaluate.js';
import { registerIngestCommand } from './commands/ingest.js';
import { registerReportCommands } from './commands/report.js';
import { registerSearchCommands } from './commands/search.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUpdateCommand } from './commands/update.js';
import { registerUserCommands } from './commands/user.js';
import { registerVerifyCommand } from './commands/verify.js';
import type { Output } from './output.js';
import { processOutput } from './output.js';

/** Builds the `beloftemeter` command tree; each command module registers its own subcommands. */
export function buildProgram(out: Output): Command {
  const program = new Command('beloftemeter')
    .description('Beloftemeter: volgt met bronnen op of de regering haar regeerakkoord nakomt.')
    .addOption(new Option('--db <path>', 'SQLite index file (default .beloftemeter/index.db, or BELOFTEMETER_DB)'))
    .addOption(new Option('--agreement <id>', 'het regeerakkoord (bestandsnaam zonder .pdf); standaard het enige of nieuwste'))
    .showHelpAfterError('(gebruik --help voor de opties)')
    .exitOverride()
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr });
  registerIngestCommand(program, out);
  registerUpdateCommand(program, out);
  registerEmbedCommand(program, out);
  registerDocumentCommands(program, out);
  registerSearchCommands(program, out);
  registerReportCommands(program, out);
  registerEvaluateCommands(program, out);
  registerVerifyCommand(program, out);
  registerServeCommand(program, out);
  registerUserCommands(program, out);
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 runtime failure, 2 bad usage or input. */
export async function run(argv: string[], out: Output = processOutput): Promise<number> {
  const program = buildProgram(out);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander but successes to the user.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
      return 2;
    }
    out.stderr(`beloftemeter: ${errorMessage(error)}\n`);
    if (process.env.BELOFTEMETER_DEBUG && error instanceof Error && error.stack) out.stderr(`${error.stack}\n`);
    if (error instanceof InputError) return 2;
    if (!(error instanceof RuntimeFailure) && !process.env.BELOFTEMETER_DEBUG) {
      out.stderr('(zet BELOFTEMETER_DEBUG=1 voor de volledige foutmelding)\n');
    }
    return 1;
  }
}
