// Runs the query with fetch and shows the results as a table; every value goes in as text, never HTML.
(function () {
  var form = document.getElementById('query-form');
  var area = document.getElementById('query');
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  var examples = document.getElementById('examples');
  examples.addEventListener('change', function () {
    var t = document.querySelector('template.example[data-name="' + CSS.escape(examples.value) + '"]');
    if (t) area.value = t.content.textContent;
  });
  function cell(b) {
    var td = document.createElement('td');
    if (!b) return td;
    if (b.type === 'uri') {
      var a = document.createElement('a');
      var local = b.value.indexOf('https://w3id.org/ftkg/') === 0 ? b.value.substring('https://w3id.org/ftkg'.length) : b.value;
      a.href = /^\/(id|fact|source)\//.test(local) ? local : b.value;
      a.textContent = b.value;
      td.appendChild(a);
    } else {
      td.textContent = b.value + (b['xml:lang'] ? ' @' + b['xml:lang'] : '');
    }
    return td;
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    status.textContent = 'Running…';
    status.className = '';
    results.textContent = '';
    var started = Date.now();
    fetch('/ftkg/sparql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/sparql-results+json' },
      body: 'query=' + encodeURIComponent(area.value)
    }).then(function (r) {
      return r.text().then(function (body) { return { ok: r.ok, status: r.status, body: body }; });
    }).then(function (r) {
      if (!r.ok) { status.textContent = 'Error ' + r.status + ': ' + r.body; status.className = 'error'; return; }
      var data = JSON.parse(r.body);
      if (typeof data.boolean === 'boolean') { status.textContent = 'Answer: ' + data.boolean; return; }
      var vars = data.head.vars, rows = data.results.bindings;
      var table = document.createElement('table');
      table.id = 'results-table';
      var head = table.insertRow();
      vars.forEach(function (v) { var th = document.createElement('th'); th.textContent = v; head.appendChild(th); });
      rows.forEach(function (row) {
        var tr = table.insertRow();
        vars.forEach(function (v) { tr.appendChild(cell(row[v])); });
      });
      results.appendChild(table);
      status.textContent = rows.length + ' rows in ' + (Date.now() - started) + ' ms';
    }).catch(function (e) { status.textContent = 'Error: ' + e; status.className = 'error'; });
  });
})();
