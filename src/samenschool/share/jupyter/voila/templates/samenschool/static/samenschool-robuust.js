/* Samen School Maken: nothing typed is lost when the kernel or the server goes away.
 *
 * 1. The page watches its kernel (Voilà sets window.jupyterapp; its widget manager holds the
 *    KernelConnection of @jupyterlab/services with the Lumino signals statusChanged and
 *    connectionStatusChanged). A dead or restarted kernel, or a connection that stays away for
 *    a few seconds, gets a plain warning "Niet bewaard: …" at the top of the page, and every
 *    "Bewaard ✓" on the page is replaced by "Niet bewaard".
 * 2. What the learner types is kept in the browser (localStorage, per page) from a few seconds
 *    before the problem on, and whenever the page shows a "Niet bewaard" message of its own
 *    (a werkmap that cannot be written).
 * 3. When the page has a kernel again (after a reload), the kept text is put back in the same
 *    field and sent to the kernel, which saves it; the page then says it was restored. A field
 *    that cannot be found any more shows its text in the message, to copy.
 * 4. An upload (class ss-upload, limit in class ss-upload-max-<bytes>, else 5 MB) never sends a file
 *    above the limit (a message above 10 MB closes the connection): that file gets its own message,
 *    the other files go through.
 */
(function () {
  'use strict';

  var OPSLAG = 'samenschool:onbewaard:' + window.location.pathname;
  var VELDEN = 'textarea, input[type="text"], input:not([type])';
  var VOOR_DE_FOUT_MS = 20000;   // text typed this long before the problem is kept too
  var VERBINDING_WACHT_MS = 3000; // a connection away this long counts as lost
  var toestand = { dood: false, weg: false, herstellen: false, magWissen: false, recent: {}, verbindingTimer: null };

  // -- storage --------------------------------------------------------------------------
  function laad() {
    try { return JSON.parse(window.localStorage.getItem(OPSLAG) || '{}') || {}; } catch (e) { return {}; }
  }
  function bewaar(kaart) {
    try {
      if (Object.keys(kaart).length) { window.localStorage.setItem(OPSLAG, JSON.stringify(kaart)); }
      else { window.localStorage.removeItem(OPSLAG); }
      return true;
    } catch (e) { return false; }  // storage full or blocked: the warning still tells the truth
  }

  // -- a stable name for a field: cell, the kit's classes around it, and its place ----------
  function cel(el) { return el.closest ? el.closest('[cell-index]') : null; }
  function handtekening(el) {
    var delen = [], node = el, grens = cel(el);
    while (node && node !== grens) {
      if (node.classList) {
        for (var i = 0; i < node.classList.length; i++) {
          if (node.classList[i].indexOf('ss-') === 0) { delen.push(node.classList[i]); }
        }
      }
      node = node.parentElement;
    }
    return delen.sort().join(' ');
  }
  function kandidaten(celEl, sig) {
    return Array.prototype.filter.call(celEl.querySelectorAll(VELDEN), function (x) {
      return handtekening(x) === sig;
    });
  }
  function sleutel(el) {
    var c = cel(el);
    if (!c) { return null; }
    var sig = handtekening(el);
    return c.getAttribute('cell-index') + '|' + sig + '|' + kandidaten(c, sig).indexOf(el);
  }
  function zoekVeld(k) {
    var delen = k.split('|');
    var c = document.querySelector('[cell-index="' + delen[0] + '"]');
    if (!c) { return null; }
    return kandidaten(c, delen[1])[parseInt(delen[2], 10)] || null;
  }
  function isVeld(el) {
    return el && el.matches && el.matches(VELDEN) && el.closest('#rendered_cells');
  }

  // -- the message at the top ----------------------------------------------------------------
  function stijl() {
    if (document.getElementById('ss-robuust-stijl')) { return; }
    var s = document.createElement('style');
    s.id = 'ss-robuust-stijl';
    s.textContent =
      '.ss-verbinding{position:sticky;top:0;z-index:1000;margin:0 0 1em 0;padding:.8em 1.2em;' +
      'font-size:1.05rem;line-height:1.45;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.15)}' +
      '.ss-verbinding-weg{background:#fdecea;border:2px solid #b3261e;color:#5f100c}' +
      '.ss-verbinding-hersteld{background:#e7f4ea;border:2px solid #1e7b34;color:#0d3d18}' +
      '.ss-verbinding textarea{width:100%;min-height:4em;margin-top:.4em}' +
      '.ss-upload-meldingen p{margin:.3em 0}' +
      '.ss-niet-bewaard-status{color:#b3261e;font-weight:bold}';
    document.head.appendChild(s);
  }
  function banner(soort, html) {
    stijl();
    var el = document.getElementById('ss-verbinding');
    if (!el) {
      el = document.createElement('div');
      el.id = 'ss-verbinding';
      el.setAttribute('role', 'alert');
      var doel = document.getElementById('rendered_cells') || document.body;
      doel.insertBefore(el, doel.firstChild);
    }
    el.className = 'ss-verbinding ss-verbinding-' + soort;
    el.innerHTML = html;
  }
  function esc(t) {
    var d = document.createElement('div');
    d.textContent = t;
    return d.innerHTML;
  }
  function toonNietBewaard() {
    var opgeslagen = bewaar(laad());
    banner('weg', '<strong>Niet bewaard:</strong> de verbinding met de kit is weg. ' +
      (opgeslagen ? 'Wat je nu typt, onthoudt deze browser. ' : 'Kopieer wat je typt naar een ander bestand. ') +
      'Laad de pagina opnieuw (F5) als de kit weer draait: dan zetten we je tekst terug en bewaren we hem. ' +
      'Draait de kit niet meer? Start hem opnieuw of vraag hulp aan je begeleider.');
    var lijnen = document.querySelectorAll('.ss-bewaard');
    for (var i = 0; i < lijnen.length; i++) {
      lijnen[i].textContent = 'Niet bewaard: de verbinding is weg. Deze browser onthoudt je tekst.';
      lijnen[i].classList.add('ss-niet-bewaard-status');
      lijnen[i].classList.remove('ss-bewaard');
    }
  }

  // -- typing --------------------------------------------------------------------------------
  function onthoud(el) {
    var k = sleutel(el);
    if (!k) { return; }
    var item = { waarde: el.value, tijd: Date.now() };
    toestand.recent[k] = item;
    var celEl = cel(el);
    if (toestand.dood || (celEl && celEl.querySelector('.ss-niet-bewaard'))) {
      var kaart = laad();
      kaart[k] = item;
      bewaar(kaart);
    }
  }
  document.addEventListener('input', function (ev) {
    if (!toestand.herstellen && isVeld(ev.target)) { onthoud(ev.target); }
  }, true);

  function markeerDood() {
    if (toestand.weg || toestand.dood) { return; }
    toestand.dood = true;
    var kaart = laad(), grens = Date.now() - VOOR_DE_FOUT_MS;
    Object.keys(toestand.recent).forEach(function (k) {
      if (toestand.recent[k].tijd >= grens) { kaart[k] = toestand.recent[k]; }
    });
    bewaar(kaart);
    toonNietBewaard();
  }

  // A "Niet bewaard" message of the page itself (a werkmap that cannot be written): keep the text
  // of that cell's fields in the browser; a later "Bewaard ✓" in that cell clears it again.
  function bijWijziging(records) {
    records.forEach(function (r) {
      Array.prototype.forEach.call(r.addedNodes || [], function (n) {
        if (!n.querySelectorAll) { return; }
        var fout = n.matches('.ss-niet-bewaard') ? [n] : n.querySelectorAll('.ss-niet-bewaard');
        Array.prototype.forEach.call(fout, function (f) {
          var c = cel(f);
          if (!c) { return; }
          var kaart = laad();
          Array.prototype.forEach.call(c.querySelectorAll(VELDEN), function (veld) {
            var k = sleutel(veld);
            if (k && veld.value) { kaart[k] = { waarde: veld.value, tijd: Date.now() }; }
          });
          bewaar(kaart);
        });
        var ok = n.matches('.ss-bewaard') ? [n] : n.querySelectorAll('.ss-bewaard');
        Array.prototype.forEach.call(ok, function (b) {
          var c = cel(b);
          if (!c || toestand.dood || toestand.herstellen || !toestand.magWissen) { return; }
          var kaart = laad(), prefix = c.getAttribute('cell-index') + '|', veranderd = false;
          Object.keys(kaart).forEach(function (k) {
            if (k.indexOf(prefix) === 0) { delete kaart[k]; veranderd = true; }
          });
          if (veranderd) { bewaar(kaart); }
        });
      });
    });
  }

  // -- restoring after a reload ----------------------------------------------------------------
  function herstel(kernel) {
    var kaart = laad();
    var sleutels = Object.keys(kaart);
    if (!sleutels.length) { toestand.magWissen = true; return; }
    var begin = Date.now();
    (function probeer() {
      var klaar = document.getElementById('rendered_cells') && !document.getElementById('loading');
      var gevonden = sleutels.filter(function (k) { return zoekVeld(k); });
      var verbonden = kernel.connectionStatus === 'connected' && kernel.status !== 'starting';
      if ((!klaar || !verbonden || gevonden.length < sleutels.length) && Date.now() - begin < 60000) {
        setTimeout(probeer, 400);
        return;
      }
      if (toestand.dood || !verbonden) { toestand.magWissen = true; return; }
      toestand.herstellen = true;
      var gezet = [], kwijt = [];
      sleutels.forEach(function (k) {
        var veld = zoekVeld(k);
        if (!veld) { kwijt.push(kaart[k].waarde); return; }
        if (veld.value !== kaart[k].waarde) {
          veld.value = kaart[k].waarde;
          veld.dispatchEvent(new Event('input', { bubbles: true }));
          veld.dispatchEvent(new Event('change', { bubbles: true }));
        }
        gezet.push(k);
      });
      toestand.herstellen = false;
      // give the kernel time to save; a "Niet bewaard" of the page keeps the text in the browser
      setTimeout(function () {
        if (toestand.dood) { return; }
        var nietBewaard = document.querySelector('.ss-niet-bewaard');
        var rest = laad();
        if (!nietBewaard) {
          gezet.forEach(function (k) { delete rest[k]; });
          bewaar(rest);
        }
        var html = nietBewaard
          ? '<strong>Niet bewaard:</strong> je tekst van toen de verbinding weg was, staat terug op de pagina, ' +
            'maar de kit kan hem nog niet bewaren (zie de melding bij het antwoord). Deze browser onthoudt hem.'
          : (gezet.length ? '<strong>Hersteld:</strong> je tekst van toen de verbinding weg was, staat terug op ' +
            'de pagina en is nu bewaard.' : '');
        if (kwijt.length) {
          html += (html ? ' ' : '') + '<strong>Deze tekst vonden we niet meer terug op de pagina.</strong> ' +
            'Kopieer hem naar je antwoord:' + kwijt.map(function (t) {
              return '<textarea readonly>' + esc(t) + '</textarea>';
            }).join('');
        }
        if (html) { banner(nietBewaard || kwijt.length ? 'weg' : 'hersteld', html); }
        toestand.magWissen = true;
      }, 2500);
    })();
  }

  // -- watching the kernel ----------------------------------------------------------------------
  function kernelVanDePagina() {
    var app = window.jupyterapp;
    var wm = app && app.widgetManager;
    return (wm && (wm.kernel || wm._kernel)) || null;
  }
  function volg(kernel) {
    kernel.statusChanged.connect(function (_k, status) {
      if (status === 'dead' || status === 'restarting' || status === 'autorestarting') { markeerDood(); }
    });
    kernel.connectionStatusChanged.connect(function (_k, status) {
      clearTimeout(toestand.verbindingTimer);
      if (status === 'connected') { return; }
      toestand.verbindingTimer = setTimeout(function () {
        if (kernel.connectionStatus !== 'connected') { markeerDood(); }
      }, status === 'disconnected' ? 0 : VERBINDING_WACHT_MS);
    });
    if (kernel.isDisposed || kernel.status === 'dead') { markeerDood(); return; }
    herstel(kernel);
  }
  function wachtOpKernel(begin) {
    var kernel = kernelVanDePagina();
    if (kernel && kernel.statusChanged && kernel.connectionStatusChanged) { volg(kernel); return; }
    if (Date.now() - begin > 120000) {  // no kernel after two minutes: the page never got one
      markeerDood();
      return;
    }
    setTimeout(function () { wachtOpKernel(begin); }, 300);
  }

  // Leaving the page (reload, link) closes the kernel on purpose: that is no problem to report.
  window.addEventListener('beforeunload', function () { toestand.weg = true; }, true);
  window.addEventListener('pagehide', function () { toestand.weg = true; }, true);

  // -- uploads: a file above the limit is never sent ---------------------------------------------
  // ipywidgets' FileUpload keeps its <input type="file"> outside the page and opens it with
  // input.click() from its button. We note which upload button was clicked, and give that file
  // input a capturing "change" listener, which runs before the widget reads the files.
  var laatsteUpload = null;
  document.addEventListener('click', function (ev) {
    var knop = ev.target && ev.target.closest ? ev.target.closest('.ss-upload') : null;
    if (knop) { laatsteUpload = knop; }
  }, true);
  var gewoneKlik = HTMLInputElement.prototype.click;
  HTMLInputElement.prototype.click = function () {
    if (this.type === 'file' && laatsteUpload) {
      this._ssUpload = laatsteUpload;
      if (!this._ssBewaakt) {
        this._ssBewaakt = true;
        this.addEventListener('change', function (ev) { filterUpload(ev.currentTarget); }, true);
      }
    }
    return gewoneKlik.apply(this, arguments);
  };
  function filterUpload(input) {
    var knop = input._ssUpload;
    if (!knop || !input.files) { return; }
    var m = /(?:^|\s)ss-upload-max-(\d+)(?:\s|$)/.exec(knop.className);
    var max = m ? parseInt(m[1], 10) : 5000000;  // below the 10 MB a websocket message may hold
    var goed = new DataTransfer(), teGroot = [];
    Array.prototype.forEach.call(input.files, function (f) {
      if (f.size > max) { teGroot.push(f); } else { goed.items.add(f); }
    });
    var vak = knop.parentElement && knop.parentElement.parentElement;
    var oud = vak && vak.querySelector('.ss-upload-meldingen');
    if (oud) { oud.remove(); }
    if (!teGroot.length) { return; }
    input.files = goed.files;
    if (!vak) { return; }
    stijl();
    var meldingen = document.createElement('div');
    meldingen.className = 'ss-upload-meldingen';
    meldingen.setAttribute('role', 'status');
    meldingen.innerHTML = teGroot.map(function (f) {
      return '<p class="ss-melding ss-melding-let_op">‘' + esc(f.name) + '’ is te groot (' +
        esc(grootte(f.size)) + '). Een bestand mag hoogstens ' + esc(grootte(max)) +
        ' zijn. Dit bestand is niet meegenomen' + (goed.files.length ? '; de andere wel.' : '.') + '</p>';
    }).join('');
    vak.appendChild(meldingen);
  }
  function grootte(n) {
    if (n >= 1000000) { return (Math.round(n / 100000) / 10).toString().replace('.', ',') + ' MB'; }
    if (n >= 1000) { return Math.round(n / 1000) + ' kB'; }
    return n + ' bytes';
  }

  function start() {
    new MutationObserver(bijWijziging).observe(document.body, { childList: true, subtree: true });
    wachtOpKernel(Date.now());
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); }
  else { start(); }
})();
