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

export function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}
