/** Writing to stdout and stderr through the IO, waiting when a stream asks to (backpressure). */
import { escapeTerminal } from './escape';
import type { CliIO } from './io';

export class Output {
  constructor(private readonly io: CliIO) {}

  async out(text: string): Promise<void> {
    if (text !== '') await this.io.stdout.write(text);
  }

  async err(text: string): Promise<void> {
    if (text !== '') await this.io.stderr.write(text);
  }

  /** `workback: MESSAGE` on stderr, the message escaped (it may quote file names or plan text). */
  async problem(message: string): Promise<void> {
    await this.err(`workback: ${escapeTerminal(message)}\n`);
  }
}
