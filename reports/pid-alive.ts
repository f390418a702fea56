// Whether the process that left something behind (a temp file, a browser profile named with
// its pid) is still running. A reused pid reads as running: the leftover then waits for a
// later sweep, which is the safe side.
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
