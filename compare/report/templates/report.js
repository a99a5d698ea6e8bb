// Progressive filtering of the alignment tables; the report is complete without it.
(function () {
  "use strict";
  document.querySelectorAll("section.event").forEach(function (section) {
    var tables = section.querySelectorAll("table.align");
    if (!tables.length) { return; }
    var bar = document.createElement("div");
    bar.className = "filter";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Filter sentences";
    input.setAttribute("aria-label", "Filter sentences");
    var select = document.createElement("select");
    select.setAttribute("aria-label", "Relation");
    ["any relation", "agree", "partial", "contradict", "omitted"].forEach(function (name, i) {
      var option = document.createElement("option");
      option.value = i ? name : "";
      option.textContent = name;
      select.appendChild(option);
    });
    bar.appendChild(input);
    bar.appendChild(select);
    var first = section.querySelector("details.alignment");
    first.parentNode.insertBefore(bar, first);
    function apply() {
      var needle = input.value.trim().toLowerCase();
      var relation = select.value;
      tables.forEach(function (table) {
        table.querySelectorAll("tbody tr").forEach(function (row) {
          var relations = (row.getAttribute("data-relations") || "").split(" ");
          var show = (!needle || row.textContent.toLowerCase().indexOf(needle) !== -1) &&
            (!relation || relations.indexOf(relation) !== -1);
          row.classList.toggle("hidden", !show);
        });
      });
      if (needle || relation) {
        section.querySelectorAll("details.alignment").forEach(function (d) { d.open = true; });
      }
    }
    input.addEventListener("input", apply);
    select.addEventListener("change", apply);
  });
  // Follow a link into a closed alignment table.
  function reveal() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    var details = target ? target.closest("details") : null;
    if (details) { details.open = true; target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  // Print everything, including closed alignment tables.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
}());
