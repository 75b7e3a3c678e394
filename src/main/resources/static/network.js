// Draws the network from the JSON the page carries, laid out by fcose; the table below stays for
// readers without scripts. Nodes are coloured and shaped by category (the legend), and only the
// closest ones are drawn at first ("Show more" adds more). Every value goes in as text.
(function () {
  var holder = document.getElementById('cy');
  var info = document.getElementById('edge-info');
  if (!holder || !window.cytoscape) return;
  var data = JSON.parse(holder.getAttribute('data-network'));
  if (window.cytoscapeFcose) window.cytoscape.use(window.cytoscapeFcose);
  holder.classList.add('live');

  // Okabe-Ito colours (distinct for colour-blind readers); the shape says the same again.
  var LOOK = {
    person: ['#0072B2', 'ellipse'], organization: ['#D55E00', 'rectangle'], place: ['#009E73', 'diamond'],
    substance: ['#CC79A7', 'triangle'], event: ['#E69F00', 'hexagon'], other: ['#8C8C8C', 'star']
  };
  var style = [
    { selector: 'node', style: { 'label': '', 'font-size': 11, 'color': '#1d232a', 'text-valign': 'bottom', 'text-margin-y': 3,
      'text-wrap': 'wrap', 'text-max-width': 140, 'width': 16, 'height': 16, 'border-width': 1, 'border-color': '#1d232a',
      'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1 } },
    { selector: 'node[?center]', style: { 'label': 'data(label)', 'width': 30, 'height': 30, 'border-width': 3, 'font-weight': 'bold', 'font-size': 13 } },
    { selector: 'node.labelled', style: { 'label': 'data(label)', 'z-index': 10 } },
    { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'width': 1.5, 'line-color': '#5b6672',
      'target-arrow-color': '#5b6672', 'color': '#3d4650', 'font-size': 9, 'text-rotation': 'autorotate',
      'text-background-color': '#ffffff', 'text-background-opacity': 0.85 } },
    { selector: 'edge.labelled', style: { 'label': 'data(label)' } },
    { selector: 'edge.claimed', style: { 'line-style': 'dashed', 'line-color': '#a35f00', 'target-arrow-color': '#a35f00' } },
    { selector: '.hidden', style: { 'display': 'none' } }
  ];
  Object.keys(LOOK).forEach(function (c) {
    style.push({ selector: 'node[category = "' + c + '"]', style: { 'background-color': LOOK[c][0], 'shape': LOOK[c][1] } });
  });

  var elements = [];
  data.nodes.forEach(function (n) { elements.push({ group: 'nodes', data: n }); });
  data.edges.forEach(function (e) { elements.push({ group: 'edges', data: e, classes: e.claimedBy ? 'claimed' : '' }); });
  var cy = window.cytoscape({ container: holder, elements: elements, style: style, minZoom: 0.2, maxZoom: 4, wheelSensitivity: 0.3 });

  // The order nodes are revealed in: the centre, then by hops, then the best connected, then by name.
  var ranked = cy.nodes().toArray().sort(function (a, b) {
    return (b.data('center') - a.data('center')) || (a.data('hops') - b.data('hops')) ||
      (b.degree() - a.degree()) || a.data('label').localeCompare(b.data('label'));
  });
  var step = data.firstNodes || 40, limit = step;
  var count = document.getElementById('node-count'), more = document.getElementById('show-more');
  var filters = document.getElementById('network-filters');
  var fitted = 1, zoomed = false;
  function nameAll(on) {
    if (on !== zoomed) { zoomed = on; cy.nodes().toggleClass('labelled', on); }
  }
  filters.hidden = false;

  function checked(name) {
    var on = {};
    filters.querySelectorAll('input[name="' + name + '"]').forEach(function (i) { if (i.checked) on[i.value] = true; });
    return on;
  }

  function layout() {
    var shown = cy.elements().not('.hidden');
    var options = window.cytoscapeFcose
      ? { name: 'fcose', quality: 'default', animate: false, randomize: true, nodeRepulsion: 9000, idealEdgeLength: 90, nodeSeparation: 90, padding: 20 }
      : { name: 'cose', animate: false, nodeRepulsion: 9000, idealEdgeLength: 110 };
    cy.ftkgLayout = options.name;
    shown.layout(options).run();
    // The layout fits the graph to the box: names appear once zoomed in well beyond that.
    fitted = cy.zoom();
    nameAll(false);
  }

  // Shows the first `limit` nodes, the links among them that pass the filters, and drops nodes left without a link.
  function apply() {
    var relations = checked('relation'), sources = checked('source');
    cy.batch(function () {
      var inLimit = {};
      ranked.slice(0, limit).forEach(function (n) { inLimit[n.id()] = true; });
      cy.edges().forEach(function (e) {
        var ok = inLimit[e.source().id()] && inLimit[e.target().id()] && relations[e.data('label')] &&
          (!e.data('sourceFile') || sources[e.data('sourceFile')]);
        e.toggleClass('hidden', !ok);
      });
      cy.nodes().forEach(function (n) {
        var linked = n.connectedEdges().some(function (e) { return !e.hasClass('hidden'); });
        n.toggleClass('hidden', !(inLimit[n.id()] && (n.data('center') || linked)));
      });
    });
    var drawn = cy.nodes().not('.hidden').length;
    count.textContent = 'Showing ' + drawn + ' of ' + cy.nodes().length + ' things.';
    more.hidden = limit >= ranked.length;
    layout();
  }
  filters.addEventListener('change', apply);
  more.addEventListener('click', function () { limit += step; apply(); });

  function show(text, href, linkText) {
    info.textContent = text + ' ';
    if (href) { var a = document.createElement('a'); a.href = href; a.textContent = linkText; info.appendChild(a); }
  }
  // Names appear on hover, and for every node once zoomed in to half again the fitted scale.
  cy.on('zoom', function () { nameAll(cy.zoom() >= fitted * 1.5); });
  cy.on('mouseover', 'node', function (ev) { ev.target.addClass('labelled'); ev.target.connectedEdges().addClass('labelled'); });
  cy.on('mouseout', 'node', function (ev) {
    if (!zoomed) ev.target.removeClass('labelled');
    ev.target.connectedEdges().removeClass('labelled');
  });
  cy.on('tap mouseover', 'edge', function (ev) {
    var d = ev.target.data();
    ev.target.addClass('labelled');
    show((d.claimedBy ? 'Claimed by ' + d.claimedBy + ': ' : '') + d.label + ', “' + d.quote + '”', d.fact, 'open the fact');
  });
  cy.on('mouseout', 'edge', function (ev) { ev.target.removeClass('labelled'); });
  cy.on('tap', 'node', function (ev) {
    var d = ev.target.data();
    show(d.label + (d.kind ? ' (' + d.kind + ')' : '') + '.', d.href, 'open its page');
  });
  apply();
  window.ftkgNetwork = cy;
})();
