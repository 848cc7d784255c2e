import cliProgress from 'cli-progress';
import type { Progress } from '../ingest/progress.js';
import type { Output } from './output.js';

/**
 * Progress on stderr: a live bar on a terminal, plain step lines otherwise
 * (CI logs and pipes get one line per step instead of carriage-return noise).
 */
export function stderrProgress(out: Output, stream: NodeJS.WriteStream = process.stderr): Progress {
  const interactive = out.interactive;
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
      out.stderr(`${step}: ${result} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    },
    warn(message) {
      if (bar) out.stderr('\n');
      out.stderr(`waarschuwing: ${message}\n`);
    },
  };
}
