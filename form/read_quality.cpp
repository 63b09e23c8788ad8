#include "form/read_quality.h"

#include <algorithm>
#include <optional>
#include <string>

#include "form/form_text.h"

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
    if (rows_have_figures && !HasFigure(ind))
      q.problems.push_back("指标“" + ind.name + "”所在行未读到任何数值");
  }
}

}  // namespace jixiao::form
