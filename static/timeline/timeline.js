// Small behaviours htmx attributes cannot express. Loaded as a file: the CSP allows no inline script.
"use strict";

(function () {
  // Shared links stay short: the filter form sends its empty fields too.
  document.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.verb !== "get" || !event.detail.elt?.matches?.("#filters")) return;
    for (const [name, value] of Array.from(event.detail.formData.entries())) {
      if (value === "") event.detail.formData.delete(name);
    }
  });

  // An expanded event collapses on a second activation instead of loading again.
  document.addEventListener("htmx:confirm", function (event) {
    const link = event.detail.elt;
    if (!link?.matches?.("a.expand")) return;
    const detail = document.getElementById(link.getAttribute("aria-controls"));
    if (detail && detail.childElementCount > 0) {
      event.preventDefault();
      detail.replaceChildren();
      link.setAttribute("aria-expanded", "false");
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    const target = event.detail.target;
    if (target?.matches?.(".event-detail")) {
      const link = document.querySelector('a.expand[aria-controls="' + target.id + '"]');
      if (link) link.setAttribute("aria-expanded", "true");
    }
  });

  // Facet groups the analyst opened stay open when their counts are replaced.
  let openFacets = [];
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "facets") {
      openFacets = Array.from(document.querySelectorAll("#facets details[open]"), (d) => d.id);
    }
  });
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "facets") {
      for (const id of openFacets) {
        const details = document.getElementById(id);
        if (details) details.open = true;
      }
    }
  });

  // "Load more" activated from the keyboard: focus moves to the first event it loaded.
  let focusAfter = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    const target = event.detail.target;
    focusAfter = null;
    if (target?.matches?.("li.more") && target.contains(document.activeElement)) {
      focusAfter = target.previousElementSibling;
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!focusAfter) return;
    const next = focusAfter.nextElementSibling;
    const link = next && next.querySelector("a.expand");
    if (link) link.focus();
    focusAfter = null;
  });

  // On a phone the filters start folded, unless some are in use, so the events come first.
  document.addEventListener("DOMContentLoaded", function () {
    const panel = document.getElementById("filter-panel");
    const narrow = window.matchMedia("(max-width: 59.99rem)").matches;
    if (panel && narrow && !window.location.search) panel.open = false;
  });

  // The language switch returns to the view the analyst is looking at now.
  function updateLanguageNext() {
    const next = document.querySelector('form.language input[name="next"]');
    if (next) next.value = window.location.pathname + window.location.search;
  }
  document.addEventListener("htmx:pushedIntoHistory", updateLanguageNext);
  document.addEventListener("htmx:historyRestore", updateLanguageNext);
  window.addEventListener("popstate", updateLanguageNext);

  document.addEventListener("htmx:beforeRequest", function (event) {
    const list = document.getElementById("event-list");
    if (list && event.detail.elt?.closest?.("#filters, #event-list")) list.setAttribute("aria-busy", "true");
  });
  document.addEventListener("htmx:afterRequest", function () {
    const list = document.getElementById("event-list");
    if (list) list.removeAttribute("aria-busy");
  });
})();
