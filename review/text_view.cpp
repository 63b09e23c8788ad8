// TextHtml: the source text of a text input with line numbers, each figure
// (and each flag evidence that is no figure) highlighted where it stands.
#include <algorithm>
#include <map>

#include "model/utf8.h"
#include "review/html.h"
#include "review/text_locate.h"
#include "review/views.h"

namespace jixiao::review {

namespace {

// One highlighted span and the figures (or evidence) it shows.
struct Mark {
  TextSpan span;
  std::string id;             // element id: the first figure's
  std::string css;            // "fig c-hi" ... or "ev"
  std::string title;
};

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A span is cut at the end of its line: the view is one table row per line.
TextSpan OnOneLine(TextSpan span, const std::u32string& text) {
  const size_t eol = text.find(U'\n', span.begin);
  if (eol != std::u32string::npos && eol < span.end) span.end = eol;
  return span;
}

// Adds a mark for `span`, or joins the one already there; returns its id.
std::string AddMark(std::vector<Mark>* marks, const TextSpan& span, const std::string& id, const std::string& css,
                    const std::string& title) {
  for (Mark& m : *marks)
    if (m.span == span) {
      m.title += "\n—\n" + title;
      return m.id;
    }
  marks->push_back({span, id, css, title});
  return id;
}

// Where each report's part of the text begins: where its project name (or
// title) is first printed; 0 when neither is.
std::vector<size_t> ReportStarts(const Document& document, const TextLocator& locator) {
  std::vector<size_t> starts;
  for (const Report& r : document.reports) {
    size_t at = locator.Find(r.project_name);
    if (at == 0) at = locator.Find(r.title);
    starts.push_back(at);
  }
  return starts;
}

size_t StartOf(const std::vector<size_t>& starts, int report) {
  return report >= 0 && static_cast<size_t>(report) < starts.size() ? starts[static_cast<size_t>(report)] : 0;
}

void PlaceFigures(const FigureSet& figures, const std::vector<size_t>& starts, TextLocator* locator,
                  std::vector<Mark>* marks, Shown* shown) {
  for (const Figure& f : figures.figures()) {
    const size_t from = StartOf(starts, f.report);
    std::optional<TextSpan> span = locator->Locate(f.raw, f.where, f.near, from);
    if (!span) continue;
    std::string title = FigureTitle(f) + (span->by_line ? "" : "\n（位置按文字查找）");
    shown->figure[f.id] = AddMark(marks, OnOneLine(*span, locator->text()), f.id,
                                  std::string("fig ") + ConfidenceClass(f.confidence), title);
  }
}

// Evidence is shown by the mark of a figure of the same report printed the
// same way, else found in the text by itself.
void PlaceEvidence(const FigureSet& figures, const std::vector<FlagRef>& flags, const std::vector<size_t>& starts,
                   TextLocator* locator, std::vector<Mark>* marks, Shown* shown) {
  int next = 0;
  for (const FlagRef& ref : flags) {
    std::vector<std::string> ids;
    for (const Evidence& e : ref.flag->evidence) {
      const std::string text = Trim(e.text);
      if (text.empty()) continue;
      std::string id;
      for (const Figure& f : figures.figures())
        if (id.empty() && f.report == ref.report && Trim(f.raw) == text && shown->figure.count(f.id))
          id = shown->figure.at(f.id);
      if (id.empty()) {
        if (std::optional<TextSpan> span = locator->Locate(text, Location{}, "", StartOf(starts, ref.report))) {
          id = AddMark(marks, OnOneLine(*span, locator->text()), "e" + std::to_string(next++), "ev",
                       "依据：" + text);
        }
      }
      if (!id.empty()) AddUnique(&ids, id);
    }
    for (const Figure* f : FiguresAtPath(figures, ref))
      if (shown->figure.count(f->id)) AddUnique(&ids, shown->figure.at(f->id));
    shown->flag_boxes.push_back(std::move(ids));
  }
}

std::string LineHtml(const std::u32string& text, size_t begin, size_t end, const std::vector<Mark>& marks,
                     size_t* next_mark) {
  std::string html;
  size_t at = begin;
  while (*next_mark < marks.size() && marks[*next_mark].span.begin < end) {
    const Mark& m = marks[*next_mark];
    const size_t b = std::max(at, m.span.begin), e = std::min(end, std::max(b, m.span.end));
    html += Escape(EncodeUtf8(text.substr(at, b - at)));
    html += "<mark class=\"box " + m.css + "\" id=\"" + m.id + "\" title=\"" + Escape(m.title) + "\">" +
            Escape(EncodeUtf8(text.substr(b, e - b))) + "</mark>";
    at = e;
    ++*next_mark;
  }
  return html + Escape(EncodeUtf8(text.substr(at, end - at)));
}

}  // namespace

std::string TextHtml(const Document& document, const std::u32string& text, const FigureSet& figures,
                     const std::vector<FlagRef>& flags, Shown* shown) {
  TextLocator locator(text);
  std::vector<Mark> marks;
  const std::vector<size_t> starts = ReportStarts(document, locator);
  PlaceFigures(figures, starts, &locator, &marks, shown);
  PlaceEvidence(figures, flags, starts, &locator, &marks, shown);
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.span.begin < b.span.begin; });

  std::string html = "<table class=\"src\">\n";
  const std::vector<size_t>& lines = locator.line_starts();
  size_t next_mark = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t end = i + 1 < lines.size() ? lines[i + 1] - 1 : text.size();
    if (i + 1 == lines.size() && lines[i] == text.size() && i > 0) break;  // after a final newline
    if (end > lines[i] && text[end - 1] == U'\r') --end;
    html += "<tr id=\"L" + std::to_string(i + 1) + "\"><td class=\"ln\">" + std::to_string(i + 1) +
            "</td><td class=\"tx\">" + LineHtml(text, lines[i], end, marks, &next_mark) + "</td></tr>\n";
  }
  return html + "</table>\n";
}

}  // namespace jixiao::review
