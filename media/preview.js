// Preview page script (loaded with the CSP nonce). Swaps the letter body in place
// so typing does not reset the scroll position, and remembers the position in
// the webview state so it survives the panel being hidden and shown again.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const body = document.getElementById('letter-body');
  const label = document.getElementById('paper-label');
  const root = document.documentElement;

  const state = vscode.getState() || {};
  if (typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);

  let pending = false;
  window.addEventListener('scroll', function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      vscode.setState(Object.assign({}, vscode.getState(), { scrollY: window.scrollY }));
    });
  });

  window.addEventListener('message', function (event) {
    const msg = event.data;
    if (!msg || msg.type !== 'update' || typeof msg.html !== 'string' || !body) return;
    const y = window.scrollY;
    // The fragment is the renderer's sanitised HTML; the CSP blocks any script in it regardless.
    body.innerHTML = msg.html;
    root.lang = msg.lang === 'ja' ? 'ja' : 'en';
    root.classList.toggle('paper-letter', msg.paper === 'Letter');
    root.classList.toggle('paper-a4', msg.paper !== 'Letter');
    if (label) label.textContent = msg.paper === 'Letter' ? 'Letter' : 'A4';
    if (typeof msg.subject === 'string') document.title = msg.subject;
    window.scrollTo(0, y);
  });

  vscode.postMessage({ type: 'ready' });
})();
