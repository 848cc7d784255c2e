import cliProgress from 'cli-progress';
import type { Progress } from '../ingest/progress.js';

/**
 * Progress on stderr: a live bar on a terminal, plain step lines otherwise
 * (CI logs and pipes get one line per step instead of carriage-return noise).
 */
export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const interactive = Boolean(stream.isTTY);
  let bar: cliProgress.SingleBar | null = null;
  let step = '';
  let started = 0;
  const stopBar = () => {
    bar?.stop();
    bar = null;
  };
  return {
    start(name, total) {
      stopBar();
      step = name;
      started = performance.now();
      if (interactive) {
        bar = new cliProgress.SingleBar(
          { stream, format: `${name} [{bar}] {value}${total ? '/{total}' : ''}`, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total ?? 0, 0);
      }
    },
    update(done) {
      if (bar) {
        if (bar.getTotal() < done) bar.setTotal(done);
        bar.update(done);
      }
    },
    finish(result) {
      stopBar();
      stream.write(`${step}: ${result} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    },
    warn(message) {
      if (bar) stream.write('\n');
      stream.write(`waarschuwing: ${message}\n`);
    },
  };
}
