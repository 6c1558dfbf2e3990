// What every benchmark receives.

export interface BenchContext {
  /** Smaller sizes and shorter runs for development; figures are marked as such. */
  quick: boolean;
  /** A fresh temp dir for this benchmark, removed afterwards unless --keep. */
  tmp: string;
  log: (message: string) => void;
}
