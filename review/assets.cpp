// The review page's style sheet and script, inlined so the page needs no
// network. The script only reads element ids and data- attributes the
// views wrote; it never inserts document text.
#include "review/views.h"

namespace jixiao::review {

const char kStyle[] = R"CSS(
* { box-sizing: border-box; }
body { margin: 0; height: 100vh; display: flex; font: 14px/1.45 "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC", sans-serif; color: #222; }
#source { flex: 1 1 56%; overflow: auto; background: #5b5f66; padding: 10px; }
#source.text { background: #fff; border-right: 1px solid #ccc; }
#panel { flex: 1 1 44%; overflow: auto; padding: 8px 16px 40px; }
h1 { font-size: 17px; margin: 4px 0; word-break: break-all; }
h2 { font-size: 16px; margin: 18px 0 2px; border-top: 2px solid #333; padding-top: 6px; }
h3 { font-size: 14px; margin: 10px 0 4px; }
.meta { color: #555; margin: 2px 0; font-size: 13px; }
.note { background: #fff4d6; border: 1px solid #e0b84c; padding: 4px 8px; margin: 4px 0; }
.page { margin: 0 auto 14px; max-width: 1000px; }
.pageno { color: #eee; font-size: 12px; }
.sheet { position: relative; background: #fff; box-shadow: 0 1px 4px #0008; }
.sheet img { display: block; width: 100%; height: auto; }
.box { position: absolute; border: 2px solid; border-radius: 2px; cursor: pointer; }
.c-hi { border-color: rgba(0, 140, 60, .9); background: rgba(0, 170, 70, .13); }
.c-mid { border-color: rgba(220, 140, 0, .95); background: rgba(240, 170, 0, .2); }
.c-lo { border-color: rgba(210, 0, 0, .95); background: rgba(230, 0, 0, .2); }
.box.ev { border: 2px dashed rgba(150, 0, 200, .9); background: transparent; }
.box.hl { outline: 3px solid #0a5cff; outline-offset: 2px; background: rgba(10, 92, 255, .3); z-index: 2; }
mark.box { position: static; border-width: 1px; padding: 0 1px; color: inherit; }
table.src { border-collapse: collapse; font: 13px/1.5 "Noto Sans Mono CJK SC", "WenQuanYi Zen Hei Mono", monospace; }
table.src td.ln { color: #999; text-align: right; padding: 0 8px 0 0; vertical-align: top; user-select: none; border-right: 1px solid #ddd; }
table.src td.tx { white-space: pre-wrap; word-break: break-all; padding-left: 8px; }
table.grid { border-collapse: collapse; margin: 2px 0 6px; font-size: 13px; }
table.grid th, table.grid td { border: 1px solid #bbb; padding: 2px 5px; text-align: left; vertical-align: top; }
table.grid th { background: #f0f0f0; font-weight: normal; color: #444; }
a.fig-link { color: #0645ad; text-decoration: none; border-bottom: 1px dotted #0645ad; }
.unplaced { color: #777; }
ol.flags { list-style: none; padding: 0; margin: 4px 0; }
li.flag { border-left: 5px solid #999; background: #f7f7f7; margin: 0 0 6px; padding: 4px 8px; cursor: pointer; }
li.flag.sev-error { border-color: #c00; }
li.flag.sev-warning { border-color: #e0a000; }
li.flag.sev-info { border-color: #4a7fc1; }
li.flag.active, li.flag.related { background: #e3ecff; }
li.flag .sev { font-weight: bold; }
li.flag.sev-error .sev { color: #c00; }
li.flag.sev-warning .sev { color: #a06c00; }
li.flag .owner { color: #555; }
li.flag code.path { color: #777; font-size: 12px; }
li.flag .figures { color: #333; }
ul.evidence { margin: 2px 0; padding-left: 18px; color: #444; font-size: 13px; }
.legend span { display: inline-block; padding: 0 6px; margin-right: 4px; border: 2px solid; }
)CSS";

const char kScript[] = R"JS(
(function () {
  function clear() {
    document.querySelectorAll('.hl').forEach(function (e) { e.classList.remove('hl'); });
    document.querySelectorAll('li.flag.active, li.flag.related').forEach(function (e) {
      e.classList.remove('active'); e.classList.remove('related');
    });
  }
  function show(ids) {
    clear();
    var first = null;
    ids.forEach(function (id) {
      var e = id ? document.getElementById(id) : null;
      if (e) { e.classList.add('hl'); if (!first) first = e; }
    });
    if (first) first.scrollIntoView({block: 'center', inline: 'nearest'});
    return first;
  }
  function flagBoxes(flag) { return flag.dataset.boxes ? flag.dataset.boxes.split(' ') : []; }
  function choose(target) {
    var link = target.closest('[data-box]');
    if (link) { show([link.dataset.box]); return true; }
    var flag = target.closest('li.flag');
    if (flag) { show(flagBoxes(flag)); flag.classList.add('active'); return true; }
    var box = target.closest('.box');
    if (box) {
      show([box.id]);
      document.querySelectorAll('li.flag').forEach(function (f) {
        if (flagBoxes(f).indexOf(box.id) >= 0) f.classList.add('related');
      });
      return true;
    }
    return false;
  }
  document.addEventListener('click', function (ev) { if (choose(ev.target)) ev.preventDefault(); });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && choose(ev.target)) ev.preventDefault();
  });
  // page.html#flag3 or #f12 opens with that flag or figure chosen.
  var start = null;
  try { start = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null; }
  catch (e) { start = null; }  // a malformed #fragment chooses nothing
  if (start) choose(start);
})();
)JS";

}  // namespace jixiao::review
