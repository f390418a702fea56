// The user's config folder for twelve-points: %APPDATA% on Windows, ~/Library/Application
// Support on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere.
import { homedir } from 'node:os';
import path from 'node:path';

export function configDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform) {
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), 'twelve-points');
  if (platform === 'darwin')
    return path.join(homedir(), 'Library', 'Application Support', 'twelve-points');
  return path.join(env.XDG_CONFIG_HOME || path.join(homedir(), '.config'), 'twelve-points');
}
