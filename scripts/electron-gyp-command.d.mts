/** The command, arguments and environment of the Electron build of a native addon (see electron-gyp-command.mjs). */
export function electronGypCommand(
  root: string, electronVersion: string, arch: string, env: Record<string, string | undefined>,
): { command: string; args: string[]; env: Record<string, string | undefined> };
