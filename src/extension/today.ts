/**
 * Today's date as a core Day: the local calendar date (its Y/M/D through fromCivil, never a
 * Date at midnight handed to the core), or the day pinned by `workback.today`. Rolls over at
 * local midnight without a reload: a timer to the next midnight, re-armed after every tick and
 * never longer than an hour (so a suspended machine or a clock change is noticed soon).
 */
import * as vscode from 'vscode';
import { fromCivil, type Day } from '../core';

export interface Clock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** The longest the clock sleeps between two looks at the date. */
export const MAX_TIMER_MS = 60 * 60 * 1000;

export function localDay(now: Date): Day {
  return fromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Milliseconds until the next local midnight (the Date here is only for the timer). */
export function msUntilNextLocalMidnight(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return Math.max(0, next.getTime() - now.getTime());
}

export class TodayClock implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Day>();
  /** Fires with the new day when today changes (midnight, or the setting). */
  readonly onDidChange = this.emitter.event;
  private pinnedDay: Day | undefined;
  private localToday: Day;
  private timer: unknown;
  private disposed = false;

  constructor(
    pinned: Day | undefined,
    private readonly clock: Clock = systemClock,
  ) {
    this.pinnedDay = pinned;
    this.localToday = localDay(clock.now());
    this.arm();
  }

  get today(): Day {
    return this.pinnedDay ?? this.localToday;
  }

  get pinned(): boolean {
    return this.pinnedDay !== undefined;
  }

  setPinned(day: Day | undefined): void {
    const before = this.today;
    this.pinnedDay = day;
    if (this.today !== before) this.emitter.fire(this.today);
  }

  /** Look at the clock now (also what the timer does). */
  tick(): void {
    const before = this.today;
    this.localToday = localDay(this.clock.now());
    if (this.today !== before) this.emitter.fire(this.today);
  }

  private arm(): void {
    if (this.disposed) return;
    const wait = Math.min(msUntilNextLocalMidnight(this.clock.now()) + 250, MAX_TIMER_MS);
    this.timer = this.clock.setTimeout(() => {
      this.tick();
      this.arm();
    }, wait);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.emitter.dispose();
  }
}
