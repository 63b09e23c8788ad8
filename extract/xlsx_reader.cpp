#include "extract/xlsx_reader.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "extract/docx_reader.h"
#include "extract/office_text.h"
#include "extract/office_xml.h"
#include "extract/text_chars.h"
#include "extract/xlsx_number_format.h"
#include "extract/xlsx_sheet.h"

namespace jixiao::office {
namespace {

struct Workbook {
  bool date1904 = false;
  std::vector<std::string> shared;          // shared strings
  std::vector<std::string> cell_formats;    // per cellXfs index: the number format code
  struct SheetPart {
    std::string name;
    std::string part;
  };
  std::vector<SheetPart> sheets;            // visible sheets, in tab order
};

// Text of a string item (<si>, <is>): its runs, without phonetic guides.
std::string ItemText(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = LocalName(c);
    if (name == "t") out += c.text().get();
    else if (name == "r") out += ItemText(c);
  }
  return out;
}

// "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels".
std::string RelsPartOf(const std::string& part) {
  const size_t slash = part.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  return dir + "_rels/" + part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
}

Status ReadParts(OfficeZip& zip, const std::string& workbook_part, Workbook& book,
                 std::map<std::string, std::string>& targets, std::string& shared_part, std::string& styles_part) {
  const std::string rels_part = RelsPartOf(workbook_part);
  if (!zip.Has(rels_part)) return Status::Ok();
  Result<std::string> rels = zip.Read(rels_part);
  if (!rels.ok()) return rels.status();
  pugi::xml_document doc;
  if (Status s = ParsePart(doc, rels.value(), rels_part); !s.ok()) return s;
  for (pugi::xml_node r = doc.document_element().first_child(); r; r = r.next_sibling()) {
    const std::string type = Attr(r, "Type");
    const std::string target = ResolveTarget(workbook_part, Attr(r, "Target"));
    targets[Attr(r, "Id")] = target;
    if (text::EndsWith(type, "/sharedStrings")) shared_part = target;
    if (text::EndsWith(type, "/styles")) styles_part = target;
  }
  (void)book;
  return Status::Ok();
}

Status ReadSharedStrings(OfficeZip& zip, const std::string& part, Workbook& book) {
  if (part.empty() || !zip.Has(part)) return Status::Ok();
  Result<std::string> xml = zip.Read(part);
  if (!xml.ok()) return xml.status();
  pugi::xml_document doc;
  if (Status s = ParsePart(doc, xml.value(), part); !s.ok()) return s;
  for (pugi::xml_node si = doc.document_element().first_child(); si; si = si.next_sibling())
    if (LocalName(si) == "si") book.shared.push_back(ItemText(si));
  return Status::Ok();
}

Status ReadStyles(OfficeZip& zip, const std::string& part, Workbook& book) {
  if (part.empty() || !zip.Has(part)) return Status::Ok();
  Result<std::string> xml = zip.Read(part);
  if (!xml.ok()) return xml.status();
  pugi::xml_document doc;
  if (Status s = ParsePart(doc, xml.value(), part); !s.ok()) return s;
  const pugi::xml_node root = doc.document_element();
  std::map<long long, std::string> custom;
  for (pugi::xml_node f = Child(root, "numFmts").first_child(); f; f = f.next_sibling())
    if (LocalName(f) == "numFmt") custom[IntAttr(f, "numFmtId", -1)] = Attr(f, "formatCode");
  for (pugi::xml_node xf = Child(root, "cellXfs").first_child(); xf; xf = xf.next_sibling()) {
    if (LocalName(xf) != "xf") continue;
    const long long id = IntAttr(xf, "numFmtId", 0);
    auto it = custom.find(id);
    book.cell_formats.push_back(it != custom.end() ? it->second
                                                   : BuiltinFormatCode(static_cast<int>(std::clamp<long long>(id, -1, 1000))));
  }
  return Status::Ok();
}

Status ReadWorkbook(OfficeZip& zip, Workbook& book) {
  const std::string part = MainPart(zip, "xl/workbook.xml");
  Result<std::string> xml = zip.Read(part);
  if (!xml.ok()) return xml.status();
  pugi::xml_document doc;
  if (Status s = ParsePart(doc, xml.value(), part); !s.ok()) return s;
  const pugi::xml_node root = doc.document_element();
  const std::string_view d1904 = Attr(Child(root, "workbookPr"), "date1904");
  book.date1904 = d1904 == "1" || d1904 == "true";
  std::map<std::string, std::string> targets;
  std::string shared_part, styles_part;
  if (Status s = ReadParts(zip, part, book, targets, shared_part, styles_part); !s.ok()) return s;
  for (pugi::xml_node sh = Child(root, "sheets").first_child(); sh; sh = sh.next_sibling()) {
    if (LocalName(sh) != "sheet") continue;
    const std::string_view state = Attr(sh, "state");
    if (state == "hidden" || state == "veryHidden") continue;
    auto it = targets.find(Attr(sh, "id"));
    if (it == targets.end()) continue;
    book.sheets.push_back({Attr(sh, "name"), it->second});
  }
  if (Status s = ReadSharedStrings(zip, shared_part, book); !s.ok()) return s;
  return ReadStyles(zip, styles_part, book);
}

// What a cell shows: its string, or its number through its format.
std::string CellText(const pugi::xml_node& c, const Workbook& book) {
  const std::string_view type = Attr(c, "t");
  if (type == "inlineStr") return CleanText(ItemText(Child(c, "is")));
  const pugi::xml_node v = Child(c, "v");
  if (!v) return "";
  const char* value = v.text().get();
  if (type == "s") {
    const long long index = std::atoll(value);
    if (index < 0 || index >= static_cast<long long>(book.shared.size())) return "";
    return CleanText(book.shared[static_cast<size_t>(index)]);
  }
  if (type == "b") return std::string_view(value) == "1" ? "TRUE" : "FALSE";
  if (type == "str" || type == "e" || type == "d") return CleanText(value);
  char* end = nullptr;
  const double number = std::strtod(value, &end);
  if (end == value) return CleanText(value);
  const long long style = IntAttr(c, "s", 0);
  const std::string format = (style >= 0 && style < static_cast<long long>(book.cell_formats.size()))
                                 ? book.cell_formats[static_cast<size_t>(style)]
                                 : std::string();
  return RenderNumber(number, format, book.date1904);
}

Result<Sheet> ReadSheet(OfficeZip& zip, const Workbook::SheetPart& part, const Workbook& book) {
  Result<std::string> xml = zip.Read(part.part);
  if (!xml.ok()) return Result<Sheet>(xml.status());
  pugi::xml_document doc;
  if (Status s = ParsePart(doc, xml.value(), part.part); !s.ok()) return Result<Sheet>(s);
  Sheet sheet;
  sheet.name = part.name;
  const pugi::xml_node root = doc.document_element();
  int row = -1;
  for (pugi::xml_node r = Child(root, "sheetData").first_child(); r; r = r.next_sibling()) {
    if (LocalName(r) != "row") continue;
    const long long number = IntAttr(r, "r", row + 2);
    if (number <= row + 1 || number > 1048576) continue;  // out of order or beyond the sheet
    row = static_cast<int>(number - 1);
    SheetRow data;
    int col = -1;
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      if (LocalName(c) != "c") continue;
      int cell_row = row, cell_col = col + 1;
      const char* name = Attr(c, "r");
      if (*name != '\0' && (!ParseCellName(name, cell_row, cell_col) || cell_row != row)) continue;
      if (cell_col <= col || cell_col >= 16384) continue;
      col = cell_col;
      std::string text = CellText(c, book);
      if (text.empty()) data.other_cells.push_back(col);
      else data.texts.emplace_back(col, std::move(text));
    }
    // Rows without text are not kept: a sheet of a million empty rows costs
    // its XML and nothing more.
    if (!data.texts.empty()) sheet.rows.emplace(row, std::move(data));
  }
  for (pugi::xml_node m = Child(root, "mergeCells").first_child(); m; m = m.next_sibling()) {
    CellRange range;
    if (LocalName(m) == "mergeCell" && ParseRange(Attr(m, "ref"), range) &&
        (range.row1 > range.row0 || range.col1 > range.col0))
      sheet.merges.push_back(range);
  }
  return sheet;
}

}  // namespace

Result<LayoutDocument> ReadXlsx(OfficeZip& zip) {
  Workbook book;
  if (Status s = ReadWorkbook(zip, book); !s.ok()) return Result<LayoutDocument>(s);
  if (book.sheets.empty()) return Result<LayoutDocument>::Error("Excel file has no visible sheet");
  LayoutDocument doc;
  for (const Workbook::SheetPart& part : book.sheets) {
    Result<Sheet> sheet = ReadSheet(zip, part, book);
    if (!sheet.ok()) return Result<LayoutDocument>(sheet.status());
    for (Block& b : SheetBlocks(sheet.value())) doc.blocks.push_back(std::move(b));
  }
  return doc;
}

}  // namespace jixiao::office
