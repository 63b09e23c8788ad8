#include "normalize/normalize.h"

#include <cmath>

#include "normalize/figure.h"
#include "normalize/fold.h"
#include "normalize/text.h"
#include "normalize/units.h"

namespace jixiao {
namespace {

using norm::Text;
using norm::TextView;

// Cells and labelled phrases are short; longer text is narrative, not one
// figure, and reading it would only cost time.
constexpr std::size_t kMaxFigureText = 4096;

// What a column or row header's unit does to a bare number in its cells.
struct ColumnUnit {
  double factor = 1;
  std::optional<std::string> unit;
};

// A unit and nothing else ("万元", "单位：万元", "%"), or nullopt.
std::optional<ColumnUnit> ReadBareUnit(TextView text) {
  Text core;
  for (char32_t c : text) {
    if (c != U':' && c != U' ') core += c;
  }
  TextView view(core);
  if (view.starts_with(U"单位")) view.remove_prefix(2);
  if (view.empty()) return std::nullopt;
  ColumnUnit result;
  std::size_t pos = 0;
  if (auto m = norm::MatchMultiplier(view, pos)) {
    result.factor = m->factor;
    pos = m->end;
  }
  if (auto u = norm::MatchUnit(view, pos)) {
    result.factor *= u->scale;
    result.unit = EncodeUtf8(u->unit);
    pos = u->end;
  }
  if (pos != view.size()) return std::nullopt;
  return result;
}

// The unit a header states: the header itself when it is a bare unit, else
// the last parenthesized bare unit in it (预算执行情况（万元） (20分) -> 万元).
std::optional<ColumnUnit> ReadColumnUnit(const std::string& header) {
  auto decoded = norm::DecodeUtf8(header);
  if (!decoded) return std::nullopt;
  const Text folded = norm::Fold(*decoded);
  const TextView view(folded);
  if (auto bare = ReadBareUnit(view)) return bare;
  std::size_t close = view.rfind(U')');
  for (int guard = 0; guard < 16 && close != TextView::npos && close > 0; ++guard) {
    const std::size_t open = view.rfind(U'(', close - 1);
    if (open == TextView::npos) break;
    if (auto unit = ReadBareUnit(view.substr(open + 1, close - open - 1))) return unit;
    if (open == 0) break;
    close = view.rfind(U')', open - 1);
  }
  return std::nullopt;
}

void ApplyContext(const NormalizeContext& context, const norm::Figure& figure, Value* value) {
  if (!value->number || value->unit || figure.scaled) return;
  if (context.percent_column) {
    value->unit = "%";
    return;
  }
  if (!context.column_unit) return;
  if (auto column = ReadColumnUnit(*context.column_unit)) {
    const double scaled = *value->number * column->factor;
    if (!std::isfinite(scaled)) return;
    if (value->range) {
      Range range = *value->range;
      range.lower.value *= column->factor;
      range.upper.value *= column->factor;
      if (!std::isfinite(range.upper.value) || !std::isfinite(range.lower.value)) return;
      value->range = range;
    }
    value->number = scaled;
    value->unit = column->unit;
  }
}

Normalized NormalizeUnguarded(std::string_view text, const NormalizeContext& context) {
  Normalized out;
  out.value.raw = std::string(text);
  auto decoded = norm::DecodeUtf8(text);
  if (!decoded) {
    out.value.raw = norm::RepairUtf8(text);
    out.value.text = out.value.raw;
    out.noisy = true;
    return out;
  }
  const TextView original = norm::Trim(*decoded);
  out.value.text = EncodeUtf8(original);
  if (original.empty()) return out;
  if (original.size() > kMaxFigureText) {
    // Too long to be one figure; if it is full of digits it is a mangled cell.
    for (char32_t c : original) out.noisy = out.noisy || norm::IsAsciiDigit(c);
    return out;
  }

  const Text folded = norm::JoinSpacedHan(norm::Trim(norm::Fold(original)));
  norm::FigureSearch search = norm::FindFigure(folded);
  if (!search.figure) {
    out.noisy = search.noisy;
    return out;
  }
  norm::Figure& figure = *search.figure;
  out.value.text.reset();
  out.value.number = figure.number;
  out.value.date = figure.date;
  out.value.unit = figure.unit;
  out.value.comparator = figure.comparator;
  out.value.per = figure.per;
  out.value.range = figure.range;
  out.value.change = figure.change;
  out.value.period = figure.period;
  ApplyContext(context, figure, &out.value);
  return out;
}

}  // namespace

Normalized Normalize(std::string_view text, const NormalizeContext& context) {
  try {
    return NormalizeUnguarded(text, context);
  } catch (...) {
    // Only allocation can fail in there; the cell is then unreadable.
    Normalized out;
    out.noisy = true;
    return out;
  }
}

std::optional<double> ParsePoints(std::string_view text) {
  Normalized n = Normalize(text);
  const Value& v = n.value;
  if (!v.number || !v.per.empty() || v.range || v.change || v.period) return std::nullopt;
  if (v.unit && *v.unit != "分") return std::nullopt;
  if (v.comparator && *v.comparator != "=") return std::nullopt;
  return v.number;
}

}  // namespace jixiao
