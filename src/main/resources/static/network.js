// Draws the network from the JSON the page carries; the table below stays for readers without scripts.
(function () {
  var holder = document.getElementById('cy');
  var info = document.getElementById('edge-info');
  if (!holder) return;
  var data = JSON.parse(holder.getAttribute('data-network'));
  if (!window.cytoscape) return;
  holder.classList.add('live');
  var elements = [];
  data.nodes.forEach(function (n) { elements.push({ group: 'nodes', data: n }); });
  data.edges.forEach(function (e) { elements.push({ group: 'edges', data: e, classes: e.claimedBy ? 'claimed' : '' }); });
  var cy = window.cytoscape({
    container: holder,
    elements: elements,
    layout: { name: 'cose', animate: false, nodeRepulsion: 9000, idealEdgeLength: 110 },
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': 10, 'background-color': '#8a1c1c', 'color': '#1d232a',
        'text-wrap': 'wrap', 'text-max-width': 120, 'width': 14, 'height': 14 } },
      { selector: 'node[?center]', style: { 'background-color': '#d4a000', 'width': 24, 'height': 24, 'font-weight': 'bold' } },
      { selector: 'edge', style: { 'label': 'data(label)', 'font-size': 8, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
        'width': 1.5, 'line-color': '#5b6672', 'target-arrow-color': '#5b6672', 'color': '#5b6672' } },
      { selector: 'edge.claimed', style: { 'line-style': 'dashed', 'line-color': '#b36b00', 'target-arrow-color': '#b36b00' } }
    ]
  });
  function show(text, href, linkText) {
    info.textContent = text + ' ';
    if (href) { var a = document.createElement('a'); a.href = href; a.textContent = linkText; info.appendChild(a); }
  }
  cy.on('tap mouseover', 'edge', function (ev) {
    var d = ev.target.data();
    show((d.claimedBy ? 'Claimed by ' + d.claimedBy + ': ' : '') + '“' + d.quote + '”', d.fact, 'open the fact');
  });
  cy.on('tap', 'node', function (ev) {
    var d = ev.target.data();
    show(d.label + (d.kind ? ' (' + d.kind + ')' : '') + '.', d.href, 'open its page');
  });
  window.ftkgNetwork = cy;
})();
