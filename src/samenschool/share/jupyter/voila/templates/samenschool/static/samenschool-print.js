// Samen School Maken: typed text prints in full. A text box on paper shows only its visible
// rows, so before printing every text field gets a plain copy of its text right after it
// (shown only in print, see samenschool.css). Copies follow typing, the browser's print
// dialog (beforeprint) and print-media switches (matchMedia), so they are never stale.
(function () {
  'use strict';
  var SELECTOR = '#rendered_cells textarea, #rendered_cells input[type="text"]';
  function copyOf(field) {
    var next = field.nextElementSibling;
    if (next && next.classList && next.classList.contains('ss-print-kopie')) { return next; }
    var box = document.createElement('div');
    box.className = 'ss-print-kopie';
    box.setAttribute('aria-hidden', 'true');
    field.parentNode.insertBefore(box, field.nextSibling);
    return box;
  }
  function mirror(field) {
    if (!field.parentNode) { return; }
    var box = copyOf(field);
    var value = field.value || '';
    if (box.textContent !== value) { box.textContent = value; }
    box.classList.toggle('ss-leeg', value.trim() === '');
  }
  function mirrorAll() {
    var fields = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < fields.length; i++) { mirror(fields[i]); }
  }
  window.samenschoolPrintKopie = mirrorAll;
  window.addEventListener('beforeprint', mirrorAll);
  if (window.matchMedia) {
    var media = window.matchMedia('print');
    var onChange = function (event) { if (event.matches) { mirrorAll(); } };
    if (media.addEventListener) { media.addEventListener('change', onChange); } else if (media.addListener) { media.addListener(onChange); }
  }
  document.addEventListener('input', function (event) {
    var t = event.target;
    if (t && (t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && t.type === 'text'))) { mirror(t); }
  }, true);
})();
