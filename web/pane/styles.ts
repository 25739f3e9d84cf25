// The pane's CSS (styles.css, xterm.js's own CSS), injected once into the page that uses the
// custom elements. Class names are prefixed `avm-` so an embedding page's styles do not clash.

import paneCss from './styles.css?inline';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';

let injected = false;

export function injectStyles(): void {
  if (injected || document.getElementById('agentvm-pane-styles')) { injected = true; return; }
  injected = true;
  const style = document.createElement('style');
  style.id = 'agentvm-pane-styles';
  style.textContent = `${xtermCss}\n${paneCss}`;
  document.head.append(style);
}

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Dark or light: an explicit choice (element attribute, else the one saved by the ◐ button), else the system's. */
export function themeIsDark(attribute: string | null = null): boolean {
  let t = attribute;
  if (t === null) { try { t = localStorage.getItem('agentvm:theme'); } catch { /* private mode */ } }
  return t === 'dark' || (t !== 'light' && prefersDark());
}

export function saveTheme(dark: boolean): void {
  try { localStorage.setItem('agentvm:theme', dark ? 'dark' : 'light'); } catch { /* private mode */ }
}
