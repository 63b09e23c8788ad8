#include "extract/office_input.h"

#include <exception>

#include "extract/docx_reader.h"
#include "extract/office_zip.h"
#include "extract/text_chars.h"
#include "extract/xlsx_reader.h"

namespace jixiao {
namespace {

Result<LayoutDocument> ExtractUnguarded(std::string_view bytes) {
  Result<std::unique_ptr<OfficeZip>> opened = OfficeZip::Open(bytes);
  if (!opened.ok()) return Result<LayoutDocument>(opened.status());
  OfficeZip& zip = *opened.value();
  const std::string main = office::MainPart(zip, "");
  Result<LayoutDocument> doc = Result<LayoutDocument>::Error("");
  if (text::StartsWith(main, "word/") || (main.empty() && zip.Has("word/document.xml"))) {
    doc = office::ReadDocx(zip);
  } else if (text::StartsWith(main, "xl/") || (main.empty() && zip.Has("xl/workbook.xml"))) {
    doc = office::ReadXlsx(zip);
  } else {
    return Result<LayoutDocument>::Error("ZIP archive that is neither a Word (.docx) nor an Excel (.xlsx) file");
  }
  if (!doc.ok()) return doc;
  if (doc.value().blocks.empty()) return Result<LayoutDocument>::Error("Office file holds no text");
  doc.value().pages.push_back(PageInfo{1, "plain", 1.0, 0, 0});
  return doc;
}

}  // namespace

Result<LayoutDocument> ExtractOfficePackage(std::string_view bytes) {
  // libzip and pugixml report errors as values; this guards against
  // std::bad_alloc and the like on hostile files.
  try {
    return ExtractUnguarded(bytes);
  } catch (const std::exception& e) {
    return Result<LayoutDocument>::Error(std::string("cannot read Office file: ") + e.what());
  }
}

}  // namespace jixiao
