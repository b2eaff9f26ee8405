/** Starts the bundled core child and SIGKILLs it when its stdout reports the armed phase (or after a timer). */
import { spawn } from 'node:child_process';
import type { ChildConfig } from './core-child.ts';

/** When to kill: the `nth` time the child reports `trigger`, `delayMs` later; `timer` kills `delayMs` after the start. */
export interface KillSpec {
  trigger: 'pushing' | 'pulling' | 'bootstrapping' | 'enqueue' | 'signed-in' | 'timer';
  nth: number;
  delayMs: number;
}

/** How a launch ended. */
export interface LaunchOutcome {
  killed: boolean;
  code: number | null;
  /** The child's stdout lines (and stderr), for the failure report. */
  log: string[];
}

/** Runs the child to its end; `kill` arms one SIGKILL. */
export function launchChild(script: string, config: ChildConfig, kill: KillSpec | null, timeoutMs = 60_000): Promise<LaunchOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { env: { ...process.env, FAULT_CHILD_CONFIG: JSON.stringify(config) }, stdio: ['ignore', 'pipe', 'pipe'] });
    const log: string[] = [];
    let seen = 0;
    let killed = false;
    const killSoon = (ms: number) => setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) {
        killed = child.kill('SIGKILL');
        log.push(`-- SIGKILL (${kill?.trigger} #${kill?.nth} +${kill?.delayMs} ms)`);
      }
    }, ms);
    const hang = setTimeout(() => {
      log.push(`-- hung for ${timeoutMs} ms: SIGKILL`);
      child.kill('SIGKILL');
    }, timeoutMs);
    if (kill?.trigger === 'timer') {
      killSoon(kill.delayMs);
    }
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        log.push(line);
        if (kill && kill.trigger !== 'timer' && (line.includes(`"phase":"${kill.trigger}"`) || line.includes(`"t":"${kill.trigger}"`))) {
          seen += 1;
          if (seen === kill.nth) {
            killSoon(kill.delayMs);
          }
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => log.push(`stderr: ${chunk.toString('utf8').trimEnd()}`));
    child.on('close', (code) => {
      clearTimeout(hang);
      resolve({ killed, code, log });
    });
  });
}
