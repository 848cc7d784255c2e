import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { DEFAULT_RELOAD_INTERVAL_MS, startServer } from '../../server/start.js';
import type { Output } from '../output.js';
import { chooseWriters } from './report.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port > 65535) {
    throw new InputError(`--port expects a number from 0 to 65535 (0 picks a free port), got "${value}"`);
  }
  return port;
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerServeCommand(program: Command, out: Output): void {
  program
    .command('serve')
    .description('start de webapp en de HTTP-API')
    .option('--port <port>', 'poort (0 kiest een vrije poort)', '3000')
    .option('--host <host>', 'adres om op te luisteren', '127.0.0.1')
    .option('--generator <name>', 'extractive (standaard, offline) of llm')
    .option('--reload-interval <ms>', 'hoe vaak de server op nieuwe gegevens controleert (ingest, update, verify)', String(DEFAULT_RELOAD_INTERVAL_MS))
    .option('--allowed-host <name...>', 'andere hostnamen waarop de server antwoordt (of BELOFTEMETER_ALLOWED_HOSTS, komma-gescheiden)')
    .option('--trust-proxy', 'vertrouw X-Forwarded-For/-Proto van een reverse proxy (of BELOFTEMETER_TRUST_PROXY=1): klantadres voor aanmeldlimieten, https voor Secure-cookies')
    .action(async (flags: { port: string; host: string; generator?: string; reloadInterval: string; allowedHost?: string[]; trustProxy?: boolean }) => {
      const port = parsePort(flags.port);
      const reloadIntervalMs = Number(flags.reloadInterval);
      if (!/^\d+$/.test(flags.reloadInterval) || reloadIntervalMs < 100) {
        throw new InputError(`--reload-interval expects milliseconds (at least 100), got "${flags.reloadInterval}"`);
      }
      const { generator, answerer } = chooseWriters(flags.generator);
      if (!LOOPBACK.has(flags.host)) out.stderr(`let op: de server is bereikbaar van buiten deze computer (${flags.host})\n`);
      const server = await startServer({
        ...program.opts(),
        host: flags.host,
        port,
        generator,
        answerer,
        reloadIntervalMs,
        trustProxy: flags.trustProxy ?? process.env.BELOFTEMETER_TRUST_PROXY === '1',
        allowedHosts: flags.allowedHost ?? (process.env.BELOFTEMETER_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean),
        log: (message) => out.stderr(`${message}\n`),
      });
      out.stdout(`Beloftemeter draait op ${server.url}\n`);
      out.stderr(
        `gegevens (generatie ${server.data.current().generation}) geladen in ${server.timings.loadMs} ms, luistert na ${server.timings.listenMs} ms; ` +
          `nieuwe gegevens worden om de ${reloadIntervalMs} ms opgehaald\n`,
      );
      const signal = await untilStopped();
      out.stderr(`${signal}: server stopt\n`);
      await server.close();
    });
}
