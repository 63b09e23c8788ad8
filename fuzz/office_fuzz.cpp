// libFuzzer target for Word and Excel files: bytes -> ExtractOfficePackage
// (libzip, pugixml, the grid builders, number formats) -> form parser ->
// score -> JSON. Office files come from outside like every input, so a
// corrupt archive, a bomb or absurd spans and merges must give an error
// or a document, never a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "emit/emit.h"
#include "extract/office_input.h"
#include "form/form.h"
#include "score/score.h"

namespace {

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

// The layout model's invariants: anchors inside the grid, spans positive.
void CheckLayout(const jixiao::LayoutDocument& layout) {
  for (const jixiao::Block& b : layout.blocks) {
    if (b.kind != jixiao::Block::Kind::kTable) continue;
    for (const jixiao::Cell& c : b.table.cells) {
      Check(c.row >= 0 && c.col >= 0 && c.row_span >= 1 && c.col_span >= 1);
      Check(c.row + c.row_span <= b.table.rows && c.col + c.col_span <= b.table.cols);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  jixiao::Result<jixiao::LayoutDocument> layout = jixiao::ExtractOfficePackage(bytes);
  if (!layout.ok()) {
    Check(!layout.status().message().empty());
    return 0;
  }
  CheckLayout(layout.value());
  jixiao::FormParseResult parsed = jixiao::ParseReports(layout.value(), jixiao::BuiltinProfiles());
  jixiao::Document doc;
  doc.reports = std::move(parsed.reports);
  doc.flags = std::move(parsed.flags);
  jixiao::ScoreDocument(doc, jixiao::BuiltinProfiles());
  Check(!jixiao::ToJson(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).empty());
  return 0;
}
