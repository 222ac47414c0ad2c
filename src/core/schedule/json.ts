/**
 * docs/cli.md "The JSON schedule": what `workback schedule FILE --today D --json` prints.
 * `earliestStart`, `earliestFinish`, `slack` and `critical` appear on tasks that are not done
 * only (never on done tasks or checkpoints); keys come in the order docs/cli.md lists them.
 */
import { formatDay } from '../day';
import type { Schedule } from './types';

export interface ScheduleJsonItem {
  id: string;
  kind: 'task' | 'checkpoint';
  milestone: string;
  start: string;
  finish: string;
  earliestStart?: string;
  earliestFinish?: string;
  slack?: number;
  critical?: boolean;
}

export interface ScheduleJson {
  today: string;
  minSlack: number | null;
  items: ScheduleJsonItem[];
}

export function toScheduleJson(schedule: Schedule): ScheduleJson {
  const items = schedule.items.map((item): ScheduleJsonItem => {
    const out: ScheduleJsonItem = {
      id: item.id,
      kind: item.kind,
      milestone: item.milestone,
      start: formatDay(item.start),
      finish: formatDay(item.finish),
    };
    const open = item.kind === 'task' && item.task?.status !== 'done';
    if (open && item.earliestStart !== undefined && item.earliestFinish !== undefined && item.slack !== undefined) {
      out.earliestStart = formatDay(item.earliestStart);
      out.earliestFinish = formatDay(item.earliestFinish);
      out.slack = item.slack;
      out.critical = item.critical;
    }
    return out;
  });
  return { today: formatDay(schedule.today), minSlack: schedule.minSlack, items };
}
