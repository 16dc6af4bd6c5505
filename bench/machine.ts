/**
 * What the rest of the machine did while a measurement ran: CPU time of other processes and time the
 * hypervisor took from this machine's cores (steal), read from Linux's `/proc/stat`. A run that shares its
 * two cores with other work, or that the host slows down, is slower for reasons outside the code measured;
 * printed beside the figures, this says which runs those were.
 */
import { readFileSync } from 'node:fs';

/** Time every core spent on work of any process, and stolen by the hypervisor, in ms since boot. */
interface CpuTimes {
  readonly busyMs: number;
  readonly stealMs: number;
}

/** Clock ticks a second of `/proc/stat` (USER_HZ): 100 on every Linux architecture Node runs on. */
const TICKS_PER_SECOND = 100;

function cpuTimes(): CpuTimes | undefined {
  let text: string;
  try {
    text = readFileSync('/proc/stat', 'utf8');
  } catch {
    return undefined; // not Linux
  }
  // cpu  user nice system idle iowait irq softirq steal guest guest_nice
  const fields = (text.split('\n', 1)[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  const ms = (ticks: number): number => (ticks * 1000) / TICKS_PER_SECOND;
  return { busyMs: ms(user + nice + system + irq + softirq), stealMs: ms(steal) };
}

/** The rest of the machine over one measurement. */
export interface Elsewhere {
  /** CPU time of every other process (the measured one's own CPU time taken out), in ms. */
  readonly othersMs: number;
  readonly stealMs: number;
}

/**
 * Runs `measure` and reports, beside its result, what the rest of the machine did meanwhile; `cpuMsOf` gives
 * the measured process's own CPU time. Without `/proc/stat`, `elsewhere` is undefined.
 */
export async function watchingElsewhere<T>(
  measure: () => Promise<T>,
  cpuMsOf: (result: T) => number,
): Promise<{ result: T; elsewhere: Elsewhere | undefined }> {
  const before = cpuTimes();
  const result = await measure();
  const after = cpuTimes();
  if (!before || !after) return { result, elsewhere: undefined };
  return {
    result,
    elsewhere: {
      othersMs: Math.max(0, after.busyMs - before.busyMs - cpuMsOf(result)),
      stealMs: after.stealMs - before.stealMs,
    },
  };
}
