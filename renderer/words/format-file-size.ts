/** File sizes as people read them. */

const UNITS = ['KB', 'MB', 'GB'];

/** "512 bytes", "1 byte", "2.4 KB", "13 MB" (1 KB = 1024 bytes; one decimal below 10). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) {
    return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  }
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${shown} ${UNITS[unit]}`;
}
