/**
 * How much a preview may still evaluate, in units the caller chooses (history events times metrics): a
 * deterministic stand-in for time, so that the same request on the same data stops at the same place.
 */
export class WorkBudget {
  private used = 0;

  constructor(private readonly limit: number) {}

  /** Takes `units` if they fit in what is left; false (taking nothing) once they do not. */
  take(units: number): boolean {
    if (this.used + units > this.limit) return false;
    this.used += units;
    return true;
  }
}
