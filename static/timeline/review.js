// Keyboard review in the admin queue: j/k move, a approves, r rejects (reason first),
// m merges into the best candidate, e edits, x selects. The forms work without this file.
(function () {
  "use strict";

  const queue = document.getElementById("review-queue");
  if (!queue) return;
  let currentId = null;
  let advance = false; // move on once the current card's action has been answered

  const cards = () => Array.from(queue.querySelectorAll(".review-card"));
  const current = () => (currentId && document.getElementById(currentId)) || null;

  function select(card) {
    cards().forEach((other) => other.classList.toggle("is-current", other === card));
    if (!card) return;
    currentId = card.id;
    // A late answer must not take the focus from the field the editor is typing in.
    if (!card.contains(document.activeElement)) card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    const all = cards();
    if (!all.length) return;
    advance = false; // the editor moves on by hand: a late answer does not move again
    const index = all.indexOf(current());
    const next = index < 0 ? 0 : Math.min(all.length - 1, Math.max(0, index + step));
    select(all[next]);
  }

  function nextPending(after) {
    const all = cards();
    const rest = all.slice(all.indexOf(after) + 1).concat(all.slice(0, all.indexOf(after)));
    return rest.find((card) => card.dataset.status === "suggested") || after;
  }

  function press(card, selector) {
    const button = card && card.querySelector(selector);
    if (!button) return false;
    advance = true;
    button.click();
    return true;
  }

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target;
    if (target.closest("input, textarea, select, [contenteditable]")) {
      if (event.key === "Escape" && queue.contains(target)) {
        target.blur();
        select(target.closest(".review-card"));
      } else if (event.key === "Enter" && target.classList.contains("reject-reason")) {
        advance = true;
      }
      return;
    }
    let card = current();
    if (!card && "akmrex".includes(event.key)) {
      move(0);
      card = current();
    }
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": press(card, ".action-approve"); break;
      case "m": press(card, ".action-merge"); break;
      case "e": press(card, ".action-edit"); break;
      case "x": press(card, ".review-select"); advance = false; break;
      case "r": {
        const reason = card && card.querySelector(".reject-reason");
        if (reason) reason.focus();
        break;
      }
      default: return;
    }
    event.preventDefault();
  });

  // A click or Tab into a card makes it the current one.
  queue.addEventListener("focusin", (event) => {
    const card = event.target.closest(".review-card");
    if (card && card.id !== currentId) {
      currentId = card.id;
      cards().forEach((other) => other.classList.toggle("is-current", other === card));
    }
  });

  // The swapped-in card replaces the old element: keep it current, or move on once decided.
  document.body.addEventListener("htmx:afterSettle", (event) => {
    const card = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest(".review-card");
    const swapped = (card && card.id === currentId ? card : null) || current();
    if (!swapped) return;
    if (advance && swapped.dataset.status !== "suggested") {
      select(nextPending(swapped));
    } else {
      select(swapped);
      const reason = swapped.querySelector(".reject-reason");
      if (reason && swapped.querySelector(".review-message.error")) reason.focus();
    }
    advance = false;
  });
})();
