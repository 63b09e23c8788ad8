// libFuzzer target for normalize/: arbitrary bytes through Normalize (with
// and without a table context, and as a header unit) and ParsePoints.
//
// Besides crashes and sanitizer reports it checks the Value invariants the
// rest of the pipeline relies on, and traps when one is broken: at most one
// of number/date, finite numbers, a figure xor kept text, noisy only without
// a figure, a comparator from the fixed set.
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
