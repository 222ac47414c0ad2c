// CPU time of the processes behind a benchmark, from /proc (Linux): the browser that runs the
// workbench (descendants of this process) and the VS Code server's process group (the server,
// the extension host, the file watcher...). Sampled every `intervalMs`; `between(t0, t1)` gives
// each side's CPU between two wall-clock times (Date.now()), from the samples nearest to them.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function processes() {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
      out.push({
        pid: Number(name),
        ppid: Number(f[1]),
        pgrp: Number(f[2]),
        cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS,
      });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU of `root`'s descendants outside the process group `group`, and of each process of the group. */
function sample(root, group) {
  const ps = processes();
  const children = new Map();
  for (const p of ps) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let browser = 0;
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const p = stack.pop();
    if (p.pgrp !== group) browser += p.cpuMs;
    stack.push(...(children.get(p.pid) ?? []));
  }
  const group_ = new Map(ps.filter((p) => p.pgrp === group).map((p) => [p.pid, p.cpuMs]));
  return { t: Date.now(), browser, group: group_ };
}

export function sampleCpu({ group, intervalMs = 200 }) {
  const samples = [];
  const take = () => samples.push(sample(process.pid, group));
  take();
  const timer = setInterval(take, intervalMs);
  const nearest = (t) => samples.reduce((best, s) => (Math.abs(s.t - t) < Math.abs(best.t - t) ? s : best), samples[0]);
  return {
    stop() {
      clearInterval(timer);
      take();
    },
    /** CPU between two wall-clock times: the browser, the server's processes but `hostPid`, the extension host. */
    between(t0, t1, hostPid) {
      const a = nearest(t0);
      const b = nearest(t1);
      let serverMs = 0;
      for (const [pid, ms] of b.group) if (pid !== hostPid) serverMs += ms - (a.group.get(pid) ?? 0);
      return {
        browserMs: b.browser - a.browser,
        serverMs,
        hostMs: (b.group.get(hostPid) ?? 0) - (a.group.get(hostPid) ?? 0),
      };
    },
  };
}
