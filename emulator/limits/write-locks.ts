// Smartsheet rejects a write to a sheet while another write to the same sheet by the same token is
// still running (500/4004, smartsheet-api.md §8). A held key = a write handler that has not finished.

export class WriteLocks {
  private readonly held = new Set<string>();

  static key(token: string, sheetId: string): string {
    return `${token}\u0000${sheetId}`;
  }

  tryAcquire(key: string): boolean {
    if (this.held.has(key)) return false;
    this.held.add(key);
    return true;
  }

  release(key: string): void {
    this.held.delete(key);
  }
}
