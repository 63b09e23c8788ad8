// libFuzzer target for normalize/: arbitrary bytes through Normalize (with
// and without a table context, and as a header unit) and ParsePoints.
//
// Besides crashes and sanitizer reports it checks the Value invariants the
// rest of the pipeline relies on, and traps when one is broken: at most one
// of number/date, finite numbers, a figure xor kept text, noisy only without
// a figure, a comparator from the fixed set; a range ordered with its lower
// bound as the number, a change of a size >= 0, a period with an end.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "normalize/normalize.h"

namespace {

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

void CheckInvariants(const jixiao::Normalized& n) {
  const jixiao::Value& v = n.value;
  Check(!(v.number && v.date));
  if (v.number) Check(std::isfinite(*v.number));
  if (v.has_figure()) {
    Check(!v.text.has_value());
    Check(!n.noisy);
    Check(v.unit.has_value() || v.number.has_value());
  } else {
    Check(!v.unit && !v.comparator && v.per.empty());
  }
  if (v.date) Check(v.unit && *v.unit == "date");
  if (v.comparator) {
    const std::string& c = *v.comparator;
    Check(c == ">=" || c == ">" || c == "<=" || c == "<" || c == "=");
  }
  if (v.range) {
    Check(v.number.has_value() && std::isfinite(v.range->lower.value) && std::isfinite(v.range->upper.value));
    Check(v.range->lower.value <= v.range->upper.value && *v.number == v.range->lower.value);
    Check(v.comparator == std::string(v.range->lower.inclusive ? ">=" : ">"));
  }
  if (v.change) {
    Check(v.number.has_value() && *v.number >= 0);
    Check(v.change->direction == "increase" || v.change->direction == "decrease");
  }
  if (v.period) {
    Check(v.period->from.has_value() || v.period->to.has_value());
    Check(v.date ? v.date == v.period->to : (v.number.has_value() && v.unit == std::string("月")));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  CheckInvariants(jixiao::Normalize(text));

  jixiao::NormalizeContext money;
  money.column_unit = "万元";
  CheckInvariants(jixiao::Normalize(text, money));

  jixiao::NormalizeContext percent;
  percent.percent_column = true;
  CheckInvariants(jixiao::Normalize(text, percent));

  // The bytes as a header unit, applied to a bare number.
  jixiao::NormalizeContext header;
  header.column_unit = std::string(text);
  CheckInvariants(jixiao::Normalize("110", header));

  if (auto points = jixiao::ParsePoints(text)) Check(std::isfinite(*points));
  return 0;
}
