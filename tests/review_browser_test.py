#!/usr/bin/env python3
"""The review pages in a real browser (Debian's headless chromium).

Runs `jixiao run --review` on a scanned sample and a text sample and
`jixiao review` on the documents it wrote, opens each page from file://
with chromium (--dump-dom, --screenshot) and checks what the browser built:
one box per figure that has a page and bbox (scanned input), the read values
marked in the numbered source text (text input), one entry per flag, every
element a flag or a table links to present, and a flag chosen by the
page's script highlighting its boxes. Each chromium is started in its own
process group, which is ended when it is done.

usage: review_browser_test.py JIXIAO SOURCE_DIR
"""
import html.parser
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile

SAMPLES = ["zengdu-2020-group-weights.scan.png", "zengdu-2020-group-weights.txt"]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BROWSER_SECONDS = 180


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Elements(html.parser.HTMLParser):
    """Every element's tag, attributes and (for marks) text, from the DOM."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self._open_marks = []

    def handle_starttag(self, tag, attrs):
        e = {"tag": tag, "attrs": dict(attrs), "classes": set((dict(attrs).get("class") or "").split()), "text": ""}
        self.elements.append(e)
        if tag == "mark":
            self._open_marks.append(e)

    def handle_endtag(self, tag):
        if tag == "mark" and self._open_marks:
            self._open_marks.pop()

    def handle_data(self, data):
        for m in self._open_marks:
            m["text"] += data

    def having(self, tag, *classes):
        return [e for e in self.elements if e["tag"] == tag and set(classes) <= e["classes"]]

    def ids(self):
        return {e["attrs"]["id"] for e in self.elements if e["attrs"].get("id")}


def run_chromium(args, work):
    """Runs one headless chromium in a fresh profile; ends its process group."""
    profile = tempfile.mkdtemp(dir=work, prefix="profile-")
    cmd = [shutil.which("chromium")] + CHROMIUM_FLAGS + [f"--user-data-dir={profile}"] + args
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=BROWSER_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise Failure(f"chromium took more than {BROWSER_SECONDS} s: {' '.join(args)}")
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # helpers it left behind, if any
        except ProcessLookupError:
            pass
    check(proc.returncode == 0, f"chromium exited with {proc.returncode}: {' '.join(args)}")
    return out.decode("utf-8", "replace")


def dom(page, work, fragment=""):
    parser = Elements()
    parser.feed(run_chromium(["--dump-dom", page.as_uri() + fragment], work))
    return parser


def located(o):
    return isinstance(o, dict) and isinstance(o.get("page"), int) and o["page"] > 0 and isinstance(o.get("bbox"), list)


def located_figures(report):
    """Values, printed scores and totals, and narrative sections with a page
    and bbox: what the review page boxes. A row's or statement's own
    location (indicator provenance, a group's label, a fact sentence) is
    not a figure; flags are counted apart."""
    count = 0

    def walk(node, key):
        nonlocal count
        if isinstance(node, dict):
            statement = key in ("groups", "rate_statements", "unit_prices", "components")
            if located(node) and not statement:
                count += 1
            for k, v in node.items():
                if k not in ("provenance", "flags"):
                    walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)

    walk(report, "")
    return count


def all_flags(doc):
    return doc["flags"] + [f for r in doc["reports"] for f in r["flags"]]


def check_links(page, elements):
    ids = elements.ids()
    flags = elements.having("li", "flag")
    for f in flags:
        for box in (f["attrs"].get("data-boxes") or "").split():
            check(box in ids, f"{page.name}: flag {f['attrs'].get('data-code')} points at missing #{box}")
    for link in [e for e in elements.elements if e["attrs"].get("data-box")]:
        check(link["attrs"]["data-box"] in ids, f"{page.name}: a table links to missing #{link['attrs']['data-box']}")
    return flags


def check_scan_page(page, doc, elements):
    check(len(elements.having("img")) == doc["source"]["pages"], f"{page.name}: not one picture per page")
    for img in elements.having("img"):
        check(img["attrs"].get("src", "").startswith("data:image/jpeg;base64,"), f"{page.name}: picture not inline")
    boxes = elements.having("a", "box", "fig")
    expected = sum(located_figures(r) for r in doc["reports"])
    check(expected > 0, f"{page.name}: the scanned sample has no located figure")
    check(len(boxes) == expected, f"{page.name}: {len(boxes)} boxes for {expected} located figures")
    for b in boxes:
        check(b["attrs"].get("title"), f"{page.name}: box #{b['attrs'].get('id')} has no hover text")
        check(b["classes"] & {"c-hi", "c-mid", "c-lo"}, f"{page.name}: box without a confidence colour")


def check_text_page(page, doc, source, elements):
    lines = source.read_text(encoding="utf-8").splitlines()
    rows = [e for e in elements.having("tr") if e["attrs"].get("id", "").startswith("L")]
    check(len(rows) == len(lines), f"{page.name}: {len(rows)} numbered lines for {len(lines)} source lines")
    marks = elements.having("mark", "box", "fig")
    raws = set()

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "raw" and isinstance(v, str):
                    raws.add(v.strip())
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(doc["reports"])
    check(len(marks) >= 10, f"{page.name}: only {len(marks)} values marked in the text")
    for m in marks:
        check(m["text"].strip() in raws, f"{page.name}: marked text {m['text']!r} is no value read")


def check_chosen_flag(page, flags, work):
    """The page's script, given #flagN, highlights that flag's boxes."""
    chosen = next((f for f in flags if f["attrs"].get("data-boxes")), None)
    check(chosen is not None, f"{page.name}: no flag shows a box")
    after = dom(page, work, "#" + chosen["attrs"]["id"])
    lit = {e["attrs"]["id"] for e in after.elements if "hl" in e["classes"] and e["attrs"].get("id")}
    want = set(chosen["attrs"]["data-boxes"].split())
    check(lit == want, f"{page.name}: choosing {chosen['attrs']['id']} lit {sorted(lit)}, want {sorted(want)}")
    active = [f for f in after.having("li", "flag") if "active" in f["classes"]]
    check([f["attrs"]["id"] for f in active] == [chosen["attrs"]["id"]], f"{page.name}: the chosen flag is not marked")


def main():
    jixiao, source_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    if shutil.which("chromium") is None:
        print("chromium is not installed (Debian package chromium, listed in deps/debian-packages.txt)")
        return 1
    work = pathlib.Path(tempfile.mkdtemp(prefix="jixiao-review-"))
    try:
        inputs = [source_dir / "samples" / s for s in SAMPLES]
        out = work / "out"
        r = subprocess.run([str(jixiao), "run", "-q", "--review", "-o", str(out)] + [str(i) for i in inputs],
                           capture_output=True, text=True, timeout=600)
        check(r.returncode == 0, f"jixiao run --review failed: {r.stderr}")
        written = {}
        for path in out.rglob("*.json"):
            written[pathlib.Path(json.loads(path.read_text(encoding="utf-8"))["source"]["path"]).name] = path
        check(all(s in written for s in SAMPLES), f"jixiao run wrote {sorted(written)}")
        docs = [written[s] for s in SAMPLES]
        r = subprocess.run([str(jixiao), "review", "-o", str(work / "pages")] + [str(d) for d in docs],
                           capture_output=True, text=True, timeout=600)
        check(r.returncode == 0, f"jixiao review failed: {r.stderr}")
        for sample, doc_path in zip(inputs, docs):
            doc = json.loads(doc_path.read_text(encoding="utf-8"))
            for page in (doc_path.with_suffix(".html"), work / "pages" / (doc_path.stem + ".html")):
                check(page.exists(), f"no review page {page}")
                elements = dom(page, work)
                flags = check_links(page, elements)
                check(len(flags) == len(all_flags(doc)), f"{page.name}: {len(flags)} entries for "
                      f"{len(all_flags(doc))} flags")
                if sample.suffix == ".txt":
                    check_text_page(page, doc, sample, elements)
                else:
                    check_scan_page(page, doc, elements)
            check_chosen_flag(doc_path.with_suffix(".html"), flags, work)
            shot = work / (doc_path.stem + ".png")
            run_chromium(["--window-size=1280,860", "--hide-scrollbars", f"--screenshot={shot}",
                          doc_path.with_suffix(".html").as_uri()], work)
            check(shot.exists() and shot.stat().st_size > 10_000, f"no screenshot of {doc_path.stem}")
            print(f"ok {sample.name}: {len(flags)} flags")
        return 0
    except Failure as e:
        print(f"FAIL: {e}")
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
