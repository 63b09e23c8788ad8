#include "extract/xlsx_sheet.h"

#include <algorithm>
#include <cctype>

namespace jixiao::office {
namespace {

constexpr int kMaxRows = 1048576;
constexpr int kMaxCols = 16384;
// Larger table grids get no empty cells and no spans (text cells only).
constexpr long long kMaxGridPositions = 4'000'000;

struct Item {
  CellRange range;
  std::string text;
};

class SheetLayout {
 public:
  explicit SheetLayout(const Sheet& sheet) : sheet_(sheet) {
    for (const auto& [row, data] : sheet.rows) content_.push_back(row);
    covering_.assign(content_.size() + 1, 0);
    bridged_.assign(content_.size() + 1, 0);
    for (size_t m = 0; m < sheet.merges.size(); ++m) {
      const CellRange& r = sheet.merges[m];
      anchors_[{r.row0, r.col0}] = m;
      const size_t a = Index(r.row0), b = IndexAfter(r.row1);
      if (a >= b) continue;
      covering_[a] += 1;
      covering_[b] -= 1;
      if (b - a >= 2) {  // gaps a..b-2 lie inside the merge
        bridged_[a] += 1;
        bridged_[b - 1] -= 1;
      }
      by_anchor_row_[r.row0].push_back(m);
    }
    for (size_t i = 1; i < covering_.size(); ++i) {
      covering_[i] += covering_[i - 1];
      bridged_[i] += bridged_[i - 1];
    }
  }

  std::vector<Block> Blocks() {
    std::vector<Block> blocks;
    size_t begin = 0;  // first row index of the open table
    bool open = false;
    for (size_t i = 0; i < content_.size(); ++i) {
      const bool paragraph = IsParagraphRow(i);
      const bool continues = open && !paragraph && (content_[i] == content_[i - 1] + 1 || bridged_[i - 1] > 0);
      if (open && !continues) {
        blocks.push_back(TableBlock(begin, i));
        open = false;
      }
      if (paragraph) {
        blocks.push_back(ParagraphBlock(i));
      } else if (!open) {
        begin = i;
        open = true;
      }
    }
    if (open) blocks.push_back(TableBlock(begin, content_.size()));
    return blocks;
  }

 private:
  size_t Index(int row) const {
    return static_cast<size_t>(std::lower_bound(content_.begin(), content_.end(), row) - content_.begin());
  }
  size_t IndexAfter(int row) const {
    return static_cast<size_t>(std::upper_bound(content_.begin(), content_.end(), row) - content_.begin());
  }
  const CellRange* MergeAt(int row, int col) const {
    auto it = anchors_.find({row, col});
    return it == anchors_.end() ? nullptr : &sheet_.merges[it->second];
  }

  bool IsParagraphRow(size_t i) const {
    const int row = content_[i];
    const SheetRow& data = sheet_.rows.at(row);
    if (data.texts.size() != 1) return false;
    const int col = data.texts.front().first;
    const CellRange* own = MergeAt(row, col);
    if (own != nullptr && own->row1 != own->row0) return false;
    if (covering_[i] != (own != nullptr ? 1 : 0)) return false;
    const int last = own != nullptr ? own->col1 : col;
    for (int other : data.other_cells)
      if (other < col || other > last) return false;
    return true;
  }

  Block ParagraphBlock(size_t i) const {
    const int row = content_[i];
    Block block;
    block.kind = Block::Kind::kParagraph;
    block.text = sheet_.rows.at(row).texts.front().second;
    block.ref = SheetRef(sheet_.name, {row, sheet_.rows.at(row).texts.front().first, row,
                                       sheet_.rows.at(row).texts.front().first});
    return block;
  }

  // The cells of rows [begin, end) (indices into content_).
  std::vector<Item> Items(size_t begin, size_t end) const {
    std::vector<Item> items;
    const int first = content_[begin], last = content_[end - 1];
    for (size_t i = begin; i < end; ++i) {
      const int row = content_[i];
      std::map<int, size_t> anchored;  // column -> index into items
      if (auto it = by_anchor_row_.find(row); it != by_anchor_row_.end())
        for (size_t m : it->second) {
          CellRange r = sheet_.merges[m];
          r.row1 = std::min(r.row1, last);
          anchored[r.col0] = items.size();
          items.push_back({r, ""});
        }
      for (const auto& [col, text] : sheet_.rows.at(row).texts) {
        if (auto a = anchored.find(col); a != anchored.end()) {
          items[a->second].text = text;
          continue;
        }
        items.push_back({{row, col, row, col}, text});
      }
    }
    for (Item& item : items) item.range.row0 = std::max(item.range.row0, first);
    return items;
  }

  Block TableBlock(size_t begin, size_t end) const {
    std::vector<Item> items = Items(begin, end);
    // Columns: only the edges some cell has.
    std::vector<int> edges;
    for (const Item& item : items) {
      edges.push_back(item.range.col0);
      edges.push_back(item.range.col1 + 1);
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    auto col_index = [&](int col) {
      return static_cast<int>(std::lower_bound(edges.begin(), edges.end(), col) - edges.begin());
    };
    const int rows = static_cast<int>(end - begin);
    const int cols = std::max(0, static_cast<int>(edges.size()) - 1);
    const bool small = static_cast<long long>(rows) * cols <= kMaxGridPositions;

    Table table;
    table.rows = rows;
    table.cols = cols;
    std::vector<char> taken(small ? static_cast<size_t>(rows) * static_cast<size_t>(cols) : 0, 0);
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      return a.range.row0 != b.range.row0 ? a.range.row0 < b.range.row0 : a.range.col0 < b.range.col0;
    });
    for (Item& item : items) {
      Cell cell;
      cell.row = static_cast<int>(Index(item.range.row0) - begin);
      const int last_row = static_cast<int>(IndexAfter(item.range.row1) - begin) - 1;
      cell.col = col_index(item.range.col0);
      const int end_col = col_index(item.range.col1 + 1);
      if (!small) {
        if (item.text.empty()) continue;
        cell.text = std::move(item.text);
        cell.ref = SheetRef(sheet_.name, {item.range.row0, item.range.col0, item.range.row0, item.range.col0});
        cell.col_span = 1;
        table.cells.push_back(std::move(cell));
        continue;
      }
      cell.row_span = std::max(1, last_row - cell.row + 1);
      cell.col_span = std::max(1, end_col - cell.col);
      bool free = true;
      for (int r = cell.row; r < cell.row + cell.row_span && free; ++r)
        for (int c = cell.col; c < cell.col + cell.col_span; ++c)
          if (taken[static_cast<size_t>(r) * cols + c]) free = false;
      if (!free) continue;  // inside another merged range: hidden by Excel as well
      for (int r = cell.row; r < cell.row + cell.row_span; ++r)
        for (int c = cell.col; c < cell.col + cell.col_span; ++c) taken[static_cast<size_t>(r) * cols + c] = 1;
      cell.text = std::move(item.text);
      cell.ref = SheetRef(sheet_.name, item.range);
      table.cells.push_back(std::move(cell));
    }
    if (small)
      for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
          if (taken[static_cast<size_t>(r) * cols + c]) continue;
          Cell cell;
          cell.row = r;
          cell.col = c;
          const int sheet_row = content_[begin + static_cast<size_t>(r)];
          cell.ref = SheetRef(sheet_.name, {sheet_row, edges[static_cast<size_t>(c)], sheet_row, edges[static_cast<size_t>(c)]});
          table.cells.push_back(std::move(cell));
        }
    std::sort(table.cells.begin(), table.cells.end(),
              [](const Cell& a, const Cell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
    Block block;
    block.kind = Block::Kind::kTable;
    block.table = std::move(table);
    block.ref = SheetRef(sheet_.name, {content_[begin], edges.empty() ? 0 : edges.front(), content_[end - 1],
                                       edges.empty() ? 0 : edges.back() - 1});
    return block;
  }

  const Sheet& sheet_;
  std::vector<int> content_;           // rows with text, ascending
  std::vector<int> covering_;          // per content row: merges covering it
  std::vector<int> bridged_;           // per gap after a content row: merges spanning it
  std::map<std::pair<int, int>, size_t> anchors_;
  std::map<int, std::vector<size_t>> by_anchor_row_;
};

std::string ColumnName(int col) {
  std::string name;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
  return name;
}

}  // namespace

std::string CellName(int row, int col) { return ColumnName(col) + std::to_string(row + 1); }

std::string SheetRef(const std::string& sheet, const CellRange& range) {
  bool plain = !sheet.empty();
  for (char c : sheet)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80)) plain = false;
  std::string quoted;
  if (plain) {
    quoted = sheet;
  } else {
    quoted = "'";
    for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    quoted += "'";
  }
  std::string ref = quoted + "!" + CellName(range.row0, range.col0);
  if (range.row1 != range.row0 || range.col1 != range.col0) ref += ":" + CellName(range.row1, range.col1);
  return ref;
}

bool ParseCellName(std::string_view name, int& row, int& col) {
  size_t i = 0;
  long long c = 0, r = 0;
  while (i < name.size() && name[i] == '$') ++i;
  const size_t letters = i;
  while (i < name.size() && std::isalpha(static_cast<unsigned char>(name[i])) && i - letters < 4) {
    c = c * 26 + (std::toupper(static_cast<unsigned char>(name[i])) - 'A' + 1);
    ++i;
  }
  if (i == letters) return false;
  if (i < name.size() && name[i] == '$') ++i;
  const size_t digits = i;
  while (i < name.size() && std::isdigit(static_cast<unsigned char>(name[i])) && i - digits < 8) {
    r = r * 10 + (name[i] - '0');
    ++i;
  }
  if (i == digits || i != name.size() || r < 1 || r > kMaxRows || c < 1 || c > kMaxCols) return false;
  row = static_cast<int>(r - 1);
  col = static_cast<int>(c - 1);
  return true;
}

bool ParseRange(std::string_view text, CellRange& range) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    if (!ParseCellName(text, range.row0, range.col0)) return false;
    range.row1 = range.row0;
    range.col1 = range.col0;
    return true;
  }
  if (!ParseCellName(text.substr(0, colon), range.row0, range.col0) ||
      !ParseCellName(text.substr(colon + 1), range.row1, range.col1))
    return false;
  if (range.row1 < range.row0) std::swap(range.row0, range.row1);
  if (range.col1 < range.col0) std::swap(range.col0, range.col1);
  return true;
}

std::vector<Block> SheetBlocks(const Sheet& sheet) { return SheetLayout(sheet).Blocks(); }

}  // namespace jixiao::office
