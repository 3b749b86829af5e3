// The report's only script: sort by a column, filter by severity, area and status, show a finding's fix.
// The table is complete without it; this only reorders and hides rows. Plain ES5-ish code, no imports, no network.
export const SCRIPT = `
(function () {
  var doc = document;
  doc.documentElement.classList.add('js');
  var table = doc.getElementById('findings');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var controls = doc.getElementById('controls');
  var shown = doc.getElementById('shown');
  controls.hidden = false;
  var filters = { severity: '', area: '', status: '' };
  function apply() {
    var n = 0;
    rows.forEach(function (r) {
      var ok = Object.keys(filters).every(function (k) { return !filters[k] || r.getAttribute('data-' + k) === filters[k]; });
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + ' of ' + rows.length + ' shown';
  }
  Object.keys(filters).forEach(function (k) {
    var select = doc.getElementById('filter-' + k);
    select.addEventListener('change', function () { filters[k] = select.value; apply(); });
  });
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, col) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-value'), y = b.cells[col].getAttribute('data-value');
        var nx = Number(x), ny = Number(y);
        var cmp = x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
        return cmp * dir || Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  rows.forEach(function (r) {
    var fix = r.querySelector('.fix');
    if (!fix) return;
    var b = doc.createElement('button');
    b.type = 'button';
    b.className = 'toggle';
    b.textContent = 'Show fix';
    b.setAttribute('aria-expanded', 'false');
    b.addEventListener('click', function () {
      var open = r.classList.toggle('open');
      b.textContent = open ? 'Hide fix' : 'Show fix';
      b.setAttribute('aria-expanded', String(open));
    });
    fix.parentNode.insertBefore(b, fix);
  });
  apply();
})();
`;
