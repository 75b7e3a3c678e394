// The SPARQL editor (YASGUI from the jar) over the plain form, which stays for readers without scripts.
// Every value from a result goes into the page as text, never as HTML.
(function () {
  var holder = document.getElementById('yasgui');
  if (!holder || !window.Yasgui) return;
  var Yasgui = window.Yasgui, Yasqe = Yasgui.Yasqe, Yasr = Yasgui.Yasr;
  var endpoint = location.origin + holder.getAttribute('data-endpoint');
  var ID = 'https://w3id.org/ftkg/';
  var RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
  var MAX_ROWS = 1000;

  function shareUrl(query) {
    return location.origin + (holder.getAttribute('data-share') || '/sparql') + '?query=' + encodeURIComponent(query);
  }

  // Where an IRI opens: this server's own page for FTKG's IRIs, the IRI itself otherwise.
  function href(iri) {
    if (iri.indexOf(ID) === 0 && /^(id|fact|source)\//.test(iri.substring(ID.length))) return '/' + iri.substring(ID.length);
    return iri;
  }

  // Only IRIs that can stand between < > in a query are looked up.
  function quotable(iri) { return /^[^<>"{}|^`\\\s]+$/.test(iri); }

  // rdfs:label of the IRIs, English or untagged, through the endpoint; a map IRI -> label.
  function lookUpLabels(iris) {
    var wanted = iris.filter(quotable);
    if (!wanted.length) return Promise.resolve({});
    var batches = [];
    for (var i = 0; i < wanted.length; i += 200) batches.push(wanted.slice(i, i + 200));
    return Promise.all(batches.map(function (batch) {
      var q = 'SELECT ?s (SAMPLE(?l) AS ?label) WHERE { VALUES ?s { ' +
        batch.map(function (iri) { return '<' + iri + '>'; }).join(' ') +
        ' } ?s <' + RDFS_LABEL + '> ?l FILTER(LANG(?l) = "" || LANGMATCHES(LANG(?l), "en")) } GROUP BY ?s';
      return fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/sparql-results+json' },
        body: 'query=' + encodeURIComponent(q)
      }).then(function (r) { return r.ok ? r.json() : { results: { bindings: [] } }; });
    })).then(function (answers) {
      var labels = {};
      answers.forEach(function (a) {
        a.results.bindings.forEach(function (b) { if (b.label) labels[b.s.value] = b.label.value; });
      });
      return labels;
    });
  }

  function downloadLink(text, data, type, filename) {
    var a = document.createElement('a');
    a.textContent = text;
    a.href = URL.createObjectURL(new Blob([data], { type: type }));
    a.download = filename;
    a.className = 'download';
    return a;
  }

  // A YASR plugin: the results as a plain table whose IRIs are links named by their labels.
  function LabelledTable(yasr) {
    this.yasr = yasr;
    this.priority = 20;
    this.label = 'Labelled table';
  }
  LabelledTable.prototype.canHandleResults = function () {
    var r = this.yasr.results;
    return !!r && !!r.getVariables && !!r.getVariables() && r.getVariables().length > 0;
  };
  LabelledTable.prototype.getIcon = function () {
    var s = document.createElement('span');
    s.textContent = '▦';
    s.setAttribute('aria-hidden', 'true');
    return s;
  };
  LabelledTable.prototype.download = function (name) {
    var r = this.yasr.results;
    return { getData: function () { return r.asCsv(); }, contentType: 'text/csv', title: 'Download CSV', filename: (name || 'results') + '.csv' };
  };
  LabelledTable.prototype.draw = function () {
    var results = this.yasr.results, vars = results.getVariables(), rows = results.getBindings() || [];
    var box = document.createElement('div');
    box.className = 'labelled-results';
    var bar = document.createElement('p');
    bar.className = 'result-downloads';
    bar.appendChild(document.createTextNode(rows.length + (rows.length === 1 ? ' row. ' : ' rows. ')));
    bar.appendChild(downloadLink('Download CSV', results.asCsv(), 'text/csv', 'ftkg-results.csv'));
    bar.appendChild(document.createTextNode(' '));
    bar.appendChild(downloadLink('Download JSON', results.getOriginalResponseAsString(), 'application/sparql-results+json', 'ftkg-results.json'));
    if (rows.length > MAX_ROWS) bar.appendChild(document.createTextNode(' The first ' + MAX_ROWS + ' are shown; the downloads hold all.'));
    box.appendChild(bar);
    var table = document.createElement('table');
    table.id = 'results-table';
    var head = table.createTHead().insertRow();
    vars.forEach(function (v) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = '?' + v;
      head.appendChild(th);
    });
    var body = table.createTBody(), links = {}, iris = [];
    rows.slice(0, MAX_ROWS).forEach(function (row) {
      var tr = body.insertRow();
      vars.forEach(function (v) {
        var td = tr.insertCell(), b = row[v];
        if (!b) return;
        if (b.type === 'uri') {
          var a = document.createElement('a');
          a.href = href(b.value);
          a.title = b.value;
          a.className = 'result-iri';
          a.textContent = b.value;
          td.appendChild(a);
          if (!links[b.value]) { links[b.value] = []; iris.push(b.value); }
          links[b.value].push(a);
        } else {
          td.textContent = b.value;
          if (b['xml:lang']) {
            var lang = document.createElement('span');
            lang.className = 'lang';
            lang.textContent = ' @' + b['xml:lang'];
            td.appendChild(lang);
          }
        }
      });
    });
    box.appendChild(table);
    this.yasr.resultsEl.appendChild(box);
    lookUpLabels(iris).then(function (labels) {
      Object.keys(labels).forEach(function (iri) {
        links[iri].forEach(function (a) { a.textContent = labels[iri]; a.classList.add('labelled'); });
      });
      table.setAttribute('data-labels', 'done');
    }, function () { table.setAttribute('data-labels', 'failed'); });
  };
  Yasr.registerPlugin('labelled', LabelledTable);
  // YASGUI's DataTables view adds a <style> element for its column resizer, which the page's
  // Content-Security-Policy refuses (style-src 'self'): the labelled table takes its place.
  delete Yasr.defaults.plugins.table;

  // Completion of this server's prefixes (served as prefix.cc's JSON) and of the ontology's terms.
  var terms = fetch(holder.getAttribute('data-terms')).then(function (r) { return r.json(); });
  function termsOf(kinds) {
    return function () {
      return terms.then(function (list) {
        return list.filter(function (t) { return kinds.indexOf(t.kind) >= 0; }).map(function (t) { return t.iri; });
      });
    };
  }
  Yasqe.forkAutocompleter('class', { name: 'ftkgClass', bulk: true, get: termsOf(['class']), persistenceId: null });
  Yasqe.forkAutocompleter('property', { name: 'ftkgProperty', bulk: true, get: termsOf(['property']), persistenceId: null });
  // FTKG's terms replace the lookups at lov.linkeddata.es, which this page may not reach.
  Yasqe.defaults.autocompleters = Yasqe.defaults.autocompleters.filter(function (n) { return n !== 'class' && n !== 'property'; });

  var form = document.getElementById('query-form');
  var initial = document.getElementById('query').value;
  form.hidden = true;
  var yasgui = new Yasgui(holder, {
    persistenceId: null,
    populateFromUrl: false,
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    requestConfig: { endpoint: endpoint, method: 'POST', acceptHeaderSelect: 'application/sparql-results+json',
      acceptHeaderGraph: 'text/turtle' },
    yasqe: { value: initial, prefixCcApi: holder.getAttribute('data-prefixes'), persistenceId: null,
      createShareableLink: function (yasqe) { return shareUrl(yasqe.getValue()); } },
    yasr: { defaultPlugin: 'labelled', pluginOrder: ['labelled', 'response'], persistenceId: null }
  });
  var tab = yasgui.getTab();
  tab.getYasqe().setValue(initial);

  // What YASGUI leaves unnamed or misplaced for assistive technology (found by axe-core in the browser tests).
  function accessible() {
    holder.querySelectorAll('input.autocomplete:not([aria-label])').forEach(function (i) { i.setAttribute('aria-label', 'SPARQL endpoint'); });
    holder.querySelectorAll('.CodeMirror textarea:not([aria-label])').forEach(function (t) { t.setAttribute('aria-label', 'SPARQL query'); });
    // A tab list may hold only tabs: the "new tab" button goes just after it.
    holder.querySelectorAll('.tabsList button.addTab').forEach(function (b) {
      var list = b.closest('.tabsList'), box = b.parentElement === list ? b : b.parentElement;
      list.parentNode.insertBefore(box, list.nextSibling);
    });
  }
  accessible();
  ['tabAdd', 'tabChange', 'queryResponse'].forEach(function (ev) { yasgui.on(ev, function () { setTimeout(accessible, 0); }); });

  // The address bar and the link hold the query last run, so either can be shared.
  var share = document.getElementById('share'), shareLink = document.getElementById('share-link');
  share.hidden = false;
  function remember(query) {
    shareLink.href = shareUrl(query);
    history.replaceState(null, '', '/sparql?query=' + encodeURIComponent(query));
  }
  shareLink.href = shareUrl(initial);
  yasgui.on('query', function (y, t) { remember(t.getQuery()); checkTerms(t.getQuery()); });

  // A term the ontology lacks matches nothing, silently: say so, with the nearest term it defines.
  var warnings = document.getElementById('term-warnings');
  function checkTerms(query) {
    fetch(holder.getAttribute('data-check'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'query=' + encodeURIComponent(query)
    }).then(function (r) { return r.ok ? r.json() : { unknown: [] }; }).then(function (answer) {
      warnings.textContent = '';
      answer.unknown.forEach(function (u) {
        var p = document.createElement('p');
        p.className = 'warning unknown-term';
        p.textContent = u.message;
        warnings.appendChild(p);
      });
    }, function () { warnings.textContent = ''; });
  }

  // Choosing an example loads it into the editor (the Open button does the same without scripts).
  var examples = document.getElementById('examples');
  document.getElementById('open-example').hidden = true;
  examples.addEventListener('change', function () {
    var t = document.querySelector('template.example[data-name="' + CSS.escape(examples.value) + '"]');
    if (!t) return;
    var yasqe = yasgui.getTab().getYasqe();
    yasqe.setValue(t.content.textContent);
    remember(yasqe.getValue());
  });
  window.ftkgYasgui = yasgui;
})();
