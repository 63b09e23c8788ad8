// libFuzzer target for the whole text path: bytes -> ExtractText -> form
// parser -> score -> JSON. Converter text is the input kind users feed in
// bulk from other tools, so every stage behind it must survive anything.
//
// Besides crashes and sanitizer reports it checks that what the pipeline
// emits is well-formed: the JSON serializes, every flag has a code and a
// known severity, and recomputed figures are finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "emit/emit.h"
#include "extract/text_input.h"
#include "form/form.h"
#include "score/score.h"

namespace {

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

void CheckFlags(const std::vector<jixiao::Flag>& flags) {
  for (const jixiao::Flag& f : flags) {
    Check(!ToString(f.code).empty());
    Check(!ToString(f.severity).empty());
    if (f.expected) Check(std::isfinite(*f.expected));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  jixiao::Result<jixiao::LayoutDocument> layout = jixiao::ExtractText(text);
  if (!layout.ok()) return 0;
  jixiao::FormParseResult parsed = jixiao::ParseReports(layout.value(), jixiao::BuiltinProfiles());
  jixiao::Document doc;
  doc.reports = std::move(parsed.reports);
  doc.flags = std::move(parsed.flags);
  jixiao::ScoreDocument(doc, jixiao::BuiltinProfiles());
  for (const jixiao::Report& r : doc.reports) {
    CheckFlags(r.flags);
    if (r.total.recomputed) Check(std::isfinite(*r.total.recomputed));
  }
  CheckFlags(doc.flags);
  std::string json = jixiao::ToJson(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  Check(!json.empty());
  return 0;
}
