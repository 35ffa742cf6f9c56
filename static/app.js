// Tell the officer when a request could not reach the server. The page is
// not swapped, so everything typed stays in the form, ready to send again.
function notSent() {
  var box = document.getElementById("flash");
  if (!box) return;
  var p = document.createElement("p");
  p.className = "flash flash-error offline";
  p.setAttribute("role", "alert");
  p.textContent = document.body.dataset.msgOffline;
  box.replaceChildren(p);
  window.scrollTo(0, 0);
}
document.addEventListener("htmx:sendError", notSent);
// On a weak signal a request can hang: after 20 s give the officer the form back.
document.addEventListener("htmx:timeout", notSent);
// Once a request gets through again, the "not sent" warning is stale.
document.addEventListener("htmx:afterRequest", function (e) {
  if (!e.detail.successful) return;
  document.querySelectorAll("#flash .offline").forEach(function (p) { p.remove(); });
});

// --- Date boxes (sammachip/date_field.py) ---------------------------------
// "วันนี้" fills the box next to it with today's date in พ.ศ., as the server's
// clock (Bangkok) gave it when the page was drawn. One listener on the document
// also serves boxes that htmx swaps in later.
document.addEventListener("click", function (e) {
  var button = e.target.closest ? e.target.closest(".date-box button.today") : null;
  if (!button) return;
  var box = document.getElementById(button.getAttribute("aria-controls"));
  if (!box) return;
  box.value = button.dataset.today;
  box.dispatchEvent(new Event("input", { bubbles: true }));
  box.dispatchEvent(new Event("change", { bubbles: true }));
});
