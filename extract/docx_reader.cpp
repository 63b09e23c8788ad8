#include "extract/docx_reader.h"

#include <algorithm>
#include <string>
#include <vector>

#include "extract/office_text.h"
#include "extract/office_xml.h"
#include "extract/text_chars.h"

namespace jixiao::office {
namespace {

// Hostile files may declare any span; real forms stay far below these.
constexpr int kMaxSpan = 64;
constexpr int kMaxCols = 256;

// Subtrees that hold no printed text: properties, deleted text, field
// codes, and the fallback copy of alternate content (its Choice is read).
bool IsSkipped(std::string_view name) {
  return name == "pPr" || name == "rPr" || name == "tcPr" || name == "trPr" || name == "tblPr" ||
         name == "tblGrid" || name == "sectPr" || name == "delText" || name == "instrText" ||
         name == "Fallback" || name == "del" || name == "footnoteReference" || name == "endnoteReference" ||
         name == "commentReference";
}

void AppendRunText(const pugi::xml_node& node, std::string& out);

void AppendTableText(const pugi::xml_node& tbl, std::string& out);

// Text of a paragraph (or of anything inside one), runs concatenated.
void AppendRunText(const pugi::xml_node& node, std::string& out) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata) continue;
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = LocalName(c);
    if (IsSkipped(name)) continue;
    if (name == "t") {
      out += c.text().get();
    } else if (name == "tab" || name == "ptab") {
      out += ' ';
    } else if (name == "br" || name == "cr") {
      out += '\n';
    } else if (name == "noBreakHyphen") {
      out += '-';
    } else if (name == "p") {  // a text box's paragraphs
      if (!out.empty() && out.back() != '\n') out += '\n';
      AppendRunText(c, out);
    } else if (name == "tbl") {
      AppendTableText(c, out);
    } else {
      AppendRunText(c, out);
    }
  }
}

// A table nested in a cell, flattened: a line per row, cells space-separated.
void AppendTableText(const pugi::xml_node& tbl, std::string& out) {
  for (pugi::xml_node tr = tbl.first_child(); tr; tr = tr.next_sibling()) {
    if (LocalName(tr) != "tr") continue;
    std::string line;
    for (pugi::xml_node tc = tr.first_child(); tc; tc = tc.next_sibling()) {
      if (LocalName(tc) != "tc") continue;
      std::string cell;
      AppendRunText(tc, cell);
      const std::string clean = CleanLine(cell);
      if (clean.empty()) continue;
      line += (line.empty() ? "" : " ") + clean;
    }
    if (line.empty()) continue;
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += line;
  }
}

std::string ParagraphText(const pugi::xml_node& p) {
  std::string raw;
  AppendRunText(p, raw);
  return CleanText(raw);
}

// A cell's paragraphs, one line each (empty ones dropped).
std::string CellText(const pugi::xml_node& tc) {
  std::string raw;
  for (pugi::xml_node c = tc.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = LocalName(c);
    if (name == "p") {
      if (!raw.empty()) raw += '\n';
      AppendRunText(c, raw);
    } else if (name == "tbl") {
      if (!raw.empty()) raw += '\n';
      AppendTableText(c, raw);
    } else if (name == "sdt" || name == "customXml") {
      if (!raw.empty()) raw += '\n';
      AppendRunText(c, raw);
    }
  }
  return CleanText(raw);
}

std::string CellRef(int table, int row, int col) {
  return "t" + std::to_string(table) + ".r" + std::to_string(row + 1) + ".c" + std::to_string(col + 1);
}

// The w:tc elements of a row, looking through content controls.
void CollectCells(const pugi::xml_node& node, std::vector<pugi::xml_node>& cells) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = LocalName(c);
    if (name == "tc") cells.push_back(c);
    else if (name == "sdt" || name == "sdtContent" || name == "customXml") CollectCells(c, cells);
  }
}

void CollectRows(const pugi::xml_node& node, std::vector<pugi::xml_node>& rows) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = LocalName(c);
    if (name == "tr") rows.push_back(c);
    else if (name == "sdt" || name == "sdtContent" || name == "customXml") CollectRows(c, rows);
  }
}

// Builds the grid: w:gridBefore shifts a row, w:gridSpan widens a cell, a
// w:vMerge continuation lengthens the cell above it when both cover the
// same columns (otherwise it stands as a cell of its own, so that spans
// never overlap).
Table ReadTable(const pugi::xml_node& tbl, int table_index) {
  Table table;
  std::vector<pugi::xml_node> rows;
  CollectRows(tbl, rows);
  std::vector<int> above;  // per column: index of the cell covering it in the previous row
  for (size_t r = 0; r < rows.size(); ++r) {
    const int row = static_cast<int>(r);
    std::vector<int> here;
    const pugi::xml_node trPr = Child(rows[r], "trPr");
    int col = static_cast<int>(std::clamp<long long>(IntAttr(Child(trPr, "gridBefore"), "val", 0), 0, kMaxSpan));
    std::vector<pugi::xml_node> tcs;
    CollectCells(rows[r], tcs);
    for (const pugi::xml_node& tc : tcs) {
      if (col >= kMaxCols) break;
      const pugi::xml_node tcPr = Child(tc, "tcPr");
      const int span = static_cast<int>(
          std::clamp<long long>(IntAttr(Child(tcPr, "gridSpan"), "val", 1), 1, std::min(kMaxSpan, kMaxCols - col)));
      const pugi::xml_node vmerge = Child(tcPr, "vMerge");
      const bool continues = vmerge && std::string_view(Attr(vmerge, "val")) != "restart";
      std::string text = CellText(tc);
      const int owner = (continues && col < static_cast<int>(above.size())) ? above[col] : -1;
      if (here.size() < static_cast<size_t>(col + span)) here.resize(col + span, -1);
      if (owner >= 0 && table.cells[owner].col == col && table.cells[owner].col_span == span &&
          table.cells[owner].row + table.cells[owner].row_span == row) {
        Cell& anchor = table.cells[owner];
        anchor.row_span += 1;
        if (!text.empty()) anchor.text += (anchor.text.empty() ? "" : "\n") + text;
        for (int c = col; c < col + span; ++c) here[c] = owner;
      } else {
        Cell cell;
        cell.row = row;
        cell.col = col;
        cell.col_span = span;
        cell.text = std::move(text);
        cell.ref = CellRef(table_index, row, col);
        table.cells.push_back(std::move(cell));
        for (int c = col; c < col + span; ++c) here[c] = static_cast<int>(table.cells.size()) - 1;
      }
      col += span;
      table.cols = std::max(table.cols, col);
    }
    above = std::move(here);
  }
  table.rows = static_cast<int>(rows.size());
  std::sort(table.cells.begin(), table.cells.end(),
            [](const Cell& a, const Cell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
  return table;
}

struct BodyReader {
  LayoutDocument doc;
  int paragraphs = 0;
  int tables = 0;

  void Read(const pugi::xml_node& container) {
    for (pugi::xml_node c = container.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = LocalName(c);
      if (name == "p") {
        ++paragraphs;
        std::string text = ParagraphText(c);
        if (text.empty()) continue;
        Block block;
        block.kind = Block::Kind::kParagraph;
        block.text = std::move(text);
        block.ref = "p" + std::to_string(paragraphs);
        doc.blocks.push_back(std::move(block));
      } else if (name == "tbl") {
        ++tables;
        Block block;
        block.kind = Block::Kind::kTable;
        block.table = ReadTable(c, tables);
        block.ref = "t" + std::to_string(tables);
        if (!block.table.cells.empty()) doc.blocks.push_back(std::move(block));
      } else if (name == "sdt" || name == "sdtContent" || name == "customXml") {
        Read(c);
      }
    }
  }
};

}  // namespace

std::string MainPart(OfficeZip& zip, const std::string& fallback) {
  if (!zip.Has("_rels/.rels")) return fallback;
  Result<std::string> rels = zip.Read("_rels/.rels");
  pugi::xml_document doc;
  if (!rels.ok() || !ParsePart(doc, rels.value(), "_rels/.rels").ok()) return fallback;
  for (pugi::xml_node r = doc.document_element().first_child(); r; r = r.next_sibling()) {
    const std::string type = Attr(r, "Type");
    if (text::EndsWith(type, "/officeDocument"))
      return ResolveTarget("", Attr(r, "Target"));
  }
  return fallback;
}

Result<LayoutDocument> ReadDocx(OfficeZip& zip) {
  const std::string part = MainPart(zip, "word/document.xml");
  Result<std::string> xml = zip.Read(part);
  if (!xml.ok()) return Result<LayoutDocument>(xml.status());
  pugi::xml_document doc;
  if (Status s = ParsePart(doc, xml.value(), part); !s.ok()) return Result<LayoutDocument>(s);
  const pugi::xml_node body = Child(doc.document_element(), "body");
  if (!body) return Result<LayoutDocument>::Error("corrupt Word file (no document body)");
  BodyReader reader;
  reader.Read(body);
  return std::move(reader.doc);
}

}  // namespace jixiao::office
