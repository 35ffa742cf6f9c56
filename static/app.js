// Tell the officer when a request could not reach the server. The page is
// not swapped, so everything typed stays in the form, ready to send again.
document.addEventListener("htmx:sendError", function () {
  var box = document.getElementById("flash");
  if (!box) return;
  var p = document.createElement("p");
  p.className = "flash flash-error";
  p.setAttribute("role", "alert");
  p.textContent = document.body.dataset.msgOffline;
  box.replaceChildren(p);
  window.scrollTo(0, 0);
});
