// storytrace report and viewer: page switching in the single-file report, and partner
// highlighting in the side-by-side view. No data is read from the page except ids.
"use strict";
(function () {
  var single = document.body.getAttribute("data-mode") === "single";

  function show() {
    // The single file holds every page as a <section class="view">; the hash picks one.
    var id = decodeURIComponent(location.hash.slice(1)) || "index";
    var target = document.getElementById(id);
    if (!target || !target.classList.contains("view")) { target = document.getElementById("index"); }
    var views = document.querySelectorAll("section.view");
    for (var i = 0; i < views.length; i++) { views[i].hidden = views[i] !== target; }
    window.scrollTo(0, 0);
  }
  if (single) {
    window.addEventListener("hashchange", show);
    show();
  }

  function partners(el, attr) {
    var box = el.closest(".sbs") || el.closest("section") || document;
    var ids = (el.getAttribute(attr) || "").split(" ");
    var found = [];
    for (var i = 0; i < ids.length; i++) {
      if (!/^[0-9]+$/.test(ids[i])) { continue; }
      var sel = "[" + attr + "~=\"" + ids[i] + "\"]";
      var hits = box.querySelectorAll(sel);
      for (var j = 0; j < hits.length; j++) { found.push(hits[j]); }
    }
    return found;
  }

  function mark(list, cls, on) {
    for (var i = 0; i < list.length; i++) { list[i].classList.toggle(cls, on); }
  }

  function onHover(ev, on) {
    // A changed fact sits inside an aligned passage: light up the partners of both.
    var t = ev.target;
    if (!(t instanceof Element)) { return; }
    var ch = t.closest("mark.change[data-ch]");
    if (ch) { mark(partners(ch, "data-ch"), "hl", on); }
    var al = t.closest(".sbs [data-al]");
    if (al) { mark(partners(al, "data-al"), "hl", on); }
  }
  document.addEventListener("mouseover", function (ev) { onHover(ev, true); });
  document.addEventListener("mouseout", function (ev) { onHover(ev, false); });

  function reveal(el) {
    // Unfold a folded boilerplate block if the partner sits inside one.
    var d = el.closest("details");
    if (d) { d.open = true; }
    el.scrollIntoView({ block: "center", inline: "nearest" });
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) { return; }
    var go = t.closest("button.goto[data-ch]");
    if (go) {
      var section = go.closest("section") || document;
      var marks = section.querySelectorAll("mark.change[data-ch=\"" + go.getAttribute("data-ch") + "\"]");
      var old = section.querySelectorAll("mark.change.hl");
      mark(old, "hl", false);
      mark(marks, "hl", true);
      for (var i = 0; i < marks.length; i++) { reveal(marks[i]); }
      return;
    }
    var al = t.closest(".sbs [data-al]");
    if (!al) { return; }
    var col = al.closest(".col");
    var box = al.closest(".sbs");
    mark(box.querySelectorAll(".al.pin"), "pin", false);
    var list = partners(al, "data-al");
    mark(list, "pin", true);
    for (var k = 0; k < list.length; k++) {
      if (list[k].closest(".col") !== col) { reveal(list[k]); break; }
    }
  });
})();
