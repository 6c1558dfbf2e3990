import { availableParallelism, cpus, totalmem } from 'node:os';

export interface Machine {
  nproc: number;
  node: string;
  cpu: string;
  memoryGiB: number;
  platform: string;
  date: string;
}

export function machine(): Machine {
  return {
    nproc: availableParallelism(),
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${process.platform}-${process.arch}`,
    date: new Date().toISOString().slice(0, 10),
  };
}

export const describeMachine = (m: Machine): string =>
  `${m.nproc} cores (nproc), ${m.cpu}, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}, ${m.date}`;
