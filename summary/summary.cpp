#include "summary/summary.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "emit/emit.h"
#include "model/utf8.h"

namespace jixiao {

namespace {

// Project names longer than this many columns are cut with "…".
constexpr int kMaxNameWidth = 40;

int CharWidth(char32_t c) {
  const auto width = static_cast<UEastAsianWidth>(u_getIntPropertyValue(static_cast<UChar32>(c),
                                                                         UCHAR_EAST_ASIAN_WIDTH));
  if (width == U_EA_WIDE || width == U_EA_FULLWIDTH) return 2;
  const int8_t type = u_charType(static_cast<UChar32>(c));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  return 1;
}

// `text` cut to at most `max` columns, "…" marking the cut.
std::string Truncate(const std::string& text, int max) {
  if (DisplayWidth(text) <= max) return text;
  std::u32string out;
  int width = 0;
  for (char32_t c : DecodeUtf8Lossy(text)) {
    if (width + CharWidth(c) > max - 1) break;
    width += CharWidth(c);
    out.push_back(c);
  }
  return EncodeUtf8(out) + "…";
}

std::string Pad(const std::string& text, int width, bool right_align = false) {
  const std::string fill(static_cast<size_t>(std::max(0, width - DisplayWidth(text))), ' ');
  return right_align ? fill + text : text + fill;
}

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// Up to 2 decimals, trailing zeros dropped.
std::string Plain(double value) {
  std::string s = Fixed(value, 2);
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    const bool dot = s.back() == '.';
    s.pop_back();
    if (dot) break;
  }
  return s;
}

// Decimals of the first number printed in `raw` ("93.5分" -> 1), or -1.
int PrintedDecimals(const std::string& raw) {
  const std::u32string text = DecodeUtf8Lossy(raw);
  auto digit = [](char32_t c) { return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９'); };
  size_t i = 0;
  while (i < text.size() && !digit(text[i])) ++i;
  if (i == text.size()) return -1;
  while (i < text.size() && digit(text[i])) ++i;
  if (i + 1 >= text.size() || (text[i] != '.' && text[i] != U'．') || !digit(text[i + 1])) return 0;
  int decimals = 0;
  for (++i; i < text.size() && digit(text[i]); ++i) ++decimals;
  return decimals;
}

std::string Where(int page, int line) {
  if (page > 0) return "p." + std::to_string(page);
  if (line > 0) return "line " + std::to_string(line);
  return "";
}

std::string Where(const Location& where) { return Where(where.page, where.line); }

std::string Where(const Flag& flag) {
  for (const Evidence& e : flag.evidence)
    if (e.page > 0 || e.line > 0) return Where(e.page, e.line);
  return "";
}

// The total a reviewer compares: the bottom total, else the header's, else
// the narrative's self-score.
const ScoredNumber* DeclaredTotal(const Report& r) {
  for (const ScoredNumber* n : {&r.total.declared, &r.total.declared_header, &r.total.self_score_text})
    if (n->declared) return n;
  return nullptr;
}

struct ReportRow {
  std::string name, declared, where, recomputed;
  int errors = 0, warnings = 0, unreadable = 0;
  std::string reason;        // why there is no recomputed total
  std::vector<Flag> flags;   // the ones to list
};

bool Listed(const Flag& f) { return f.severity != Severity::kInfo || f.code == FlagCode::kUnreadable; }

ReportRow RowFor(const Report& r) {
  ReportRow row;
  row.name = Truncate(r.project_name.empty() ? "(no name)" : r.project_name, kMaxNameWidth);
  const ScoredNumber* declared = DeclaredTotal(r);
  int decimals = -1;
  if (declared != nullptr) {
    decimals = PrintedDecimals(declared->raw);
    row.declared = decimals >= 0 ? Fixed(*declared->declared, decimals) : Plain(*declared->declared);
    row.where = Where(declared->where);
  }
  if (r.total.recomputed)
    row.recomputed = decimals >= 0 ? Fixed(*r.total.recomputed, decimals) : Plain(*r.total.recomputed);
  else
    row.reason = NotRecomputedReason(r);
  for (const Flag& f : r.flags) {
    row.errors += f.severity == Severity::kError;
    row.warnings += f.severity == Severity::kWarning;
    row.unreadable += f.code == FlagCode::kUnreadable;
    if (Listed(f)) row.flags.push_back(f);
  }
  return row;
}

std::string FlagLine(const Flag& f, const std::string& indent, int where_width) {
  return indent + Pad(ToString(f.severity), 7) + " " + Pad(ToString(f.code), 26) + " " +
         Pad(Where(f), where_width) + " " + f.message + "\n";
}

int FlagWhereWidth(const std::vector<Flag>& flags, int width) {
  for (const Flag& f : flags) width = std::max(width, DisplayWidth(Where(f)));
  return width;
}

std::string IndicatorReason(const Indicator& ind) {
  if (!ind.weight.value) return "weight unknown";
  if (ind.kind == "qualitative") return "qualitative, no tier applied";
  if (!ind.target || !ind.actual || !ind.target->has_figure() || !ind.actual->has_figure())
    return "target or actual not read";
  return "no rule applies";
}

}  // namespace

int DisplayWidth(std::string_view utf8) {
  int width = 0;
  for (char32_t c : DecodeUtf8Lossy(utf8)) width += CharWidth(c);
  return width;
}

std::string NotRecomputedReason(const Report& r) {
  if (r.total.recomputed) return "";
  std::vector<std::string> parts;
  if (r.budget.weight && !r.budget.score.recomputed)
    parts.push_back(!r.budget.planned || !r.budget.executed ? "budget score: planned or executed amount not read"
                                                            : "budget score not recomputed");
  size_t missing = 0;
  std::string first;
  for (const Indicator& ind : r.indicators)
    if (!ind.score.recomputed && missing++ == 0) first = (ind.name.empty() ? "(unnamed)" : ind.name) + ": " + IndicatorReason(ind);
  if (missing > 0)
    parts.push_back(std::to_string(missing) + " of " + std::to_string(r.indicators.size()) +
                    " indicators without a recomputed score (first " + first + ")");
  if (r.indicators.empty() && !r.budget.weight) {
    size_t unscored = 0;
    for (const Section& s : r.sections) unscored += !s.score;
    if (r.sections.empty())
      parts.push_back("no scored items read (no indicator table, no section scores)");
    else if (unscored > 0)
      parts.push_back(std::to_string(unscored) + " of " + std::to_string(r.sections.size()) +
                      " sections without a score");
  }
  if (parts.empty()) parts.push_back("the item scores do not add up to a total");
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

SummaryRead ReadSummaryInputs(std::string_view text, const std::string& name) {
  SummaryRead read;
  auto add = [&](const nlohmann::json& j, const std::string& label) {
    Result<Document> d = j.is_discarded() ? Result<Document>::Error("not valid JSON") : DocumentFromJson(j);
    if (d.ok())
      read.documents.push_back({label, std::move(d).value()});
    else
      read.errors.push_back(label + ": " + d.status().message());
  };
  nlohmann::json whole = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!whole.is_discarded()) {
    add(whole, name);
    return read;
  }
  // JSON Lines: one document per non-blank line.
  size_t begin = 0, line = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    ++line;
    const std::string_view one = text.substr(begin, end - begin);
    if (one.find_first_not_of(" \t\r") != std::string_view::npos)
      add(nlohmann::json::parse(one, nullptr, false), name + ":" + std::to_string(line));
    begin = end + 1;
  }
  if (read.documents.empty() && read.errors.empty()) read.errors.push_back(name + ": empty");
  return read;
}

std::string Summarize(const std::vector<SummaryInput>& inputs) {
  std::vector<std::vector<ReportRow>> rows;
  ReportRow header;
  header.name = "project";
  header.declared = "declared";
  header.where = "at";
  header.recomputed = "recomputed";
  int name_w = DisplayWidth(header.name), declared_w = DisplayWidth(header.declared),
      where_w = DisplayWidth(header.where), recomputed_w = DisplayWidth(header.recomputed), flag_where_w = 0;
  for (const SummaryInput& in : inputs) {
    rows.emplace_back();
    for (const Report& r : in.document.reports) rows.back().push_back(RowFor(r));
    for (const ReportRow& row : rows.back()) {
      name_w = std::max(name_w, DisplayWidth(row.name));
      declared_w = std::max(declared_w, DisplayWidth(row.declared));
      where_w = std::max(where_w, DisplayWidth(row.where));
      recomputed_w = std::max(recomputed_w, DisplayWidth(row.recomputed));
      flag_where_w = FlagWhereWidth(row.flags, flag_where_w);
    }
    flag_where_w = FlagWhereWidth(in.document.flags, flag_where_w);
  }
  auto line = [&](const ReportRow& row, const std::string& errors, const std::string& warnings,
                  const std::string& unreadable) {
    return "  " + Pad(row.name, name_w) + "  " + Pad(row.declared, declared_w, true) + " " + Pad(row.where, where_w) +
           "  " + Pad(row.recomputed.empty() && !row.reason.empty() ? "-" : row.recomputed, recomputed_w, true) +
           "  " + Pad(errors, 6, true) + "  " + Pad(warnings, 8, true) + "  " + Pad(unreadable, 10, true) + "\n";
  };
  std::string out;
  for (size_t d = 0; d < inputs.size(); ++d) {
    const Document& doc = inputs[d].document;
    out += inputs[d].label;
    if (!doc.source.path.empty() && doc.source.path != inputs[d].label)
      out += "  (" + doc.source.path + ", " + std::to_string(doc.source.pages) + " page" +
             (doc.source.pages == 1 ? "" : "s") + ")";
    out += "\n";
    for (const Flag& f : doc.flags) out += FlagLine(f, "  document ", flag_where_w);
    if (rows[d].empty()) {
      out += "  no report\n";
      continue;
    }
    out += line(header, "errors", "warnings", "unreadable");
    for (const ReportRow& row : rows[d]) {
      out += line(row, std::to_string(row.errors), std::to_string(row.warnings), std::to_string(row.unreadable));
      if (!row.reason.empty()) out += "      not recomputed: " + row.reason + "\n";
      for (const Flag& f : row.flags) out += FlagLine(f, "      ", flag_where_w);
    }
  }
  return out;
}

}  // namespace jixiao
