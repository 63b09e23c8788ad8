#include "form/read_quality.h"

#include <algorithm>
#include <optional>
#include <string>

#include "form/form_text.h"
#include "form/vocabulary_scope.h"

namespace jixiao::form {

namespace {

bool HasFigure(const Indicator& ind) {
  auto figure = [](const std::optional<Value>& v) { return v && (v->has_figure() || v->text); };
  return figure(ind.target) || figure(ind.actual) || ind.weight.value || ind.score.declared || ind.score.blank;
}

struct FigureTally {
  ReadQuality& q;
  void Count(double confidence) {
    ++q.figures;
    if (confidence < kDoubtfulConfidence) ++q.doubtful_figures;
    q.min_confidence = std::min(q.min_confidence, confidence);
  }
  void Add(const std::optional<Value>& v) {
    if (v && v->has_figure()) Count(v->confidence);
  }
  void Add(const ScoredNumber& s) {
    if (s.declared) Count(s.confidence);
  }
};

// A figure as a target or an actual is printed, inside a name: a percent
// ("85%") or a number after a comparator sign ("≧26641"). Names count and
// describe; a row whose figures sit in its name had its cells run together.
bool NameHoldsFigure(std::string_view name) {
  const std::string folded = Fold(name);
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (!digit(folded[i])) continue;
    const std::string_view before(folded.data(), i);
    const std::vector<std::string_view>& signs = Words("comparator_signs");
    const bool after_sign =
        std::any_of(signs.begin(), signs.end(), [&](std::string_view sign) { return EndsWith(before, sign); });
    std::size_t end = i;
    while (end < folded.size() && (digit(folded[end]) || folded[end] == '.')) ++end;
    if (after_sign || (end < folded.size() && folded[end] == '%')) return true;
    i = end;
  }
  return false;
}

// A goal label's numbered end (年度绩效目标2 wrapped as …目 / 标2) inside a
// name: 标 and a digit not after 指 (指标2 is how names are numbered).
bool NameHoldsGoalLabelPiece(std::string_view name) {
  const std::string folded = Fold(name);
  const std::string_view mark = "标";
  for (std::size_t at = folded.find(mark); at != std::string::npos; at = folded.find(mark, at + 1)) {
    const std::size_t next = at + mark.size();
    if (next >= folded.size() || folded[next] < '0' || folded[next] > '9') continue;
    if (!EndsWith(std::string_view(folded.data(), at), "指")) return true;
  }
  return false;
}

}  // namespace

void AssessReading(Report& report) {
  ReadQuality& q = report.reading;
  std::vector<std::string> seen_while_reading = std::move(q.problems);  // e.g. a table without indicators
  q = ReadQuality{};
  q.problems = std::move(seen_while_reading);
  q.indicators_read = static_cast<int>(report.indicators.size());
  FigureTally tally{q};
  for (const std::optional<Value>* v : {&report.budget.planned, &report.budget.executed, &report.budget.rate})
    tally.Add(*v);
  tally.Add(report.budget.score);
  tally.Add(report.total.declared);

  const bool rows_have_figures = std::any_of(report.indicators.begin(), report.indicators.end(), HasFigure);
  for (const Indicator& ind : report.indicators) {
    tally.Add(ind.target);
    tally.Add(ind.actual);
    tally.Add(ind.score);
    if (std::optional<PrintedWeight> label = FindPrintedWeight(ind.name))
      q.problems.push_back("指标“" + ind.name + "”的名称中夹有分值标签“" + Fold(label->raw) +
                           "”：该行或其所属分组可能读错");
    else if (NameHoldsGoalLabelPiece(ind.name))  // the same interleaving, its weight not printed
      q.problems.push_back("指标“" + ind.name + "”的名称中夹有目标标签的片段：该行或其所属分组可能读错");
    if (NameHoldsFigure(ind.name))
      q.problems.push_back("指标“" + ind.name + "”的名称中夹有目标值或实际值：该行的单元格可能读串了");
    if (rows_have_figures && !HasFigure(ind))
      q.problems.push_back("指标“" + ind.name + "”所在行未读到任何数值");
  }
}

}  // namespace jixiao::form
