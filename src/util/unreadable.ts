// Why a file could not be read, in words: the end of an error line ("cannot read the policy: permission denied").
const WHY: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many symbolic links',
};

export function unreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return (code && WHY[code]) ?? String(code ?? (err as Error).message);
}

/** "cannot read: permission denied": how a problem with one file is worded. */
export const cannotRead = (err: unknown): string => `cannot read: ${unreadable(err)}`;
