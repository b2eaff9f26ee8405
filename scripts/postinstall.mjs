// Runs after `npm install`. Never fails the install: Electron's binary is optional here.
console.log('[casebridge] dependencies installed. Electron binary present:', await hasElectronBinary());

async function hasElectronBinary() {
  const { existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const dist = join(process.cwd(), 'node_modules', 'electron', 'dist');
  return ['electron', 'electron.exe', 'Electron.app'].some((name) => existsSync(join(dist, name)));
}
