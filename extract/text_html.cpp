#include "extract/text_html.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "extract/text_chars.h"

namespace jixiao::text {
namespace {

// Longest tag we accept; anything longer is text that happens to hold '<'.
constexpr size_t kMaxTagBytes = 2048;
// Longest `$...$` span read as LaTeX.
constexpr size_t kMaxMathBytes = 120;
// Spans larger than this are clipped (a broken attribute must not make the
// grid explode).
constexpr int kMaxRowSpan = 1000;
constexpr int kMaxColSpan = 200;
constexpr int kMaxTableCols = 500;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct Tag {
  std::string name;        // lower case
  bool closing = false;
  std::string_view attrs;  // raw text after the name
  size_t end = 0;          // one past '>'
};

// Reads the tag at s[pos] == '<'. False when it is not a well-formed tag.
bool ReadTag(std::string_view s, size_t pos, Tag& tag) {
  size_t j = pos + 1;
  tag.closing = false;
  if (j < s.size() && s[j] == '/') {
    tag.closing = true;
    ++j;
  }
  if (j >= s.size() || !IsAlpha(s[j])) return false;
  tag.name.clear();
  while (j < s.size() && tag.name.size() < 16 && (IsAlpha(s[j]) || (s[j] >= '0' && s[j] <= '9')))
    tag.name += Lower(s[j++]);
  if (j < s.size() && IsAlpha(s[j])) return false;  // name too long: not a tag we know
  const size_t attrs_begin = j;
  const size_t limit = std::min(s.size(), pos + kMaxTagBytes);
  char quote = 0;
  for (; j < limit; ++j) {
    const char c = s[j];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      tag.attrs = s.substr(attrs_begin, j - attrs_begin);
      tag.end = j + 1;
      return true;
    } else if (c == '<' || c == '\n') {
      return false;
    }
  }
  return false;
}

enum class TagRole { kUnknown, kInline, kBlock, kCell, kInput, kDropContent };

TagRole RoleOf(const std::string& name) {
  static const std::array<const char*, 20> kBlock = {
      "p",  "div", "br", "li", "tr", "table", "h1", "h2", "h3", "h4",
      "h5", "h6",  "ul", "ol", "section", "article", "blockquote", "pre", "hr", "caption"};
  static const std::array<const char*, 26> kInline = {
      "span", "b",     "i",     "u",    "s",     "strong", "em",   "sup",  "sub",
      "font", "tbody", "thead", "tfoot", "a",    "img",    "colgroup", "col", "center",
      "html", "body",  "label", "small", "big",  "strike", "del",  "ins"};
  if (name == "td" || name == "th") return TagRole::kCell;
  if (name == "input") return TagRole::kInput;
  if (name == "style" || name == "script" || name == "head") return TagRole::kDropContent;
  for (const char* n : kBlock)
    if (name == n) return TagRole::kBlock;
  for (const char* n : kInline)
    if (name == n) return TagRole::kInline;
  if (name == "mark" || name == "code" || name == "nobr" || name == "tt") return TagRole::kInline;
  return TagRole::kUnknown;
}

// Case-insensitive search for `needle` (lower case ASCII) in `hay`.
size_t FindNoCase(std::string_view hay, std::string_view needle, size_t from) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && Lower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// Value of attribute `name` (lower case) in a tag's raw attribute text.
std::string AttrValue(std::string_view attrs, std::string_view name) {
  size_t from = 0;
  while (true) {
    const size_t at = FindNoCase(attrs, name, from);
    if (at == std::string_view::npos) return {};
    from = at + name.size();
    // Must be a whole attribute name.
    if (at > 0 && (IsAlpha(attrs[at - 1]) || attrs[at - 1] == '-')) continue;
    size_t j = from;
    while (j < attrs.size() && attrs[j] == ' ') ++j;
    if (j >= attrs.size() || attrs[j] != '=') {
      if (j < attrs.size() && (IsAlpha(attrs[j]) || attrs[j] == '-')) continue;
      return std::string(name);  // boolean attribute
    }
    ++j;
    while (j < attrs.size() && attrs[j] == ' ') ++j;
    std::string value;
    if (j < attrs.size() && (attrs[j] == '"' || attrs[j] == '\'')) {
      const char quote = attrs[j++];
      while (j < attrs.size() && attrs[j] != quote) value += attrs[j++];
    } else {
      while (j < attrs.size() && attrs[j] != ' ' && attrs[j] != '/' && attrs[j] != '>')
        value += attrs[j++];
    }
    return value;
  }
}

bool HasAttr(std::string_view attrs, std::string_view name) {
  size_t from = 0;
  while (true) {
    const size_t at = FindNoCase(attrs, name, from);
    if (at == std::string_view::npos) return false;
    from = at + name.size();
    const bool starts = at == 0 || attrs[at - 1] == ' ' || attrs[at - 1] == '\t';
    const bool ends = from >= attrs.size() || attrs[from] == ' ' || attrs[from] == '=' ||
                      attrs[from] == '/' || attrs[from] == '\t';
    if (starts && ends) return true;
  }
}

int SpanValue(std::string_view attrs, std::string_view name, int max) {
  const std::string v = AttrValue(attrs, name);
  int n = 0;
  size_t i = 0;
  while (i < v.size() && v[i] == ' ') ++i;
  for (; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) {
    n = n * 10 + (v[i] - '0');
    if (n > max) return max;
  }
  return n < 1 ? 1 : n;
}

std::string CheckboxText(std::string_view attrs) {
  const std::string type = AttrValue(attrs, "type");
  std::string lower;
  for (char c : type) lower += Lower(c);
  if (lower != "checkbox" && lower != "radio") return {};
  return HasAttr(attrs, "checked") ? "☑" : "□";
}

// Decodes the entity at s[pos] == '&'; on success appends it and returns the
// position after ';'. Returns pos when it is not an entity.
size_t ReadEntity(std::string_view s, size_t pos, std::string& out) {
  const size_t semi = s.find(';', pos + 1);
  if (semi == std::string_view::npos || semi - pos > 12 || semi == pos + 1) return pos;
  const std::string_view body = s.substr(pos + 1, semi - pos - 1);
  if (body[0] == '#') {
    uint32_t code = 0;
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const size_t first = hex ? 2 : 1;
    if (first >= body.size()) return pos;
    for (size_t i = first; i < body.size(); ++i) {
      const char c = body[i];
      int digit;
      if (c >= '0' && c <= '9') digit = c - '0';
      else if (hex && Lower(c) >= 'a' && Lower(c) <= 'f') digit = Lower(c) - 'a' + 10;
      else return pos;
      code = code * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
      if (code > 0x10FFFF) return pos;
    }
    if (code == 0xA0) code = ' ';
    if (code == '\n' || code == '\t' || code >= 0x20) {
      if (code < 0xD800 || code > 0xDFFF) AppendUtf8(out, code);
    }
    return semi + 1;
  }
  struct Named {
    const char* name;
    const char* text;
  };
  static const Named kNamed[] = {
      {"amp", "&"},      {"lt", "<"},       {"gt", ">"},       {"quot", "\""},   {"apos", "'"},
      {"nbsp", " "},     {"ensp", " "},     {"emsp", " "},     {"thinsp", " "},  {"middot", "·"},
      {"times", "×"},    {"divide", "÷"},   {"plusmn", "±"},   {"le", "≤"},      {"ge", "≥"},
      {"ne", "≠"},       {"hellip", "…"},   {"mdash", "—"},    {"ndash", "–"},   {"ldquo", "“"},
      {"rdquo", "”"},    {"lsquo", "‘"},    {"rsquo", "’"},    {"yen", "¥"},     {"deg", "°"},
      {"permil", "‰"},   {"percnt", "%"},   {"radic", "√"},    {"check", "✓"},
  };
  for (const Named& n : kNamed) {
    if (body == n.name) {
      out += n.text;
      return semi + 1;
    }
  }
  return pos;
}

// Converts the LaTeX inside `$...$` to plain symbols.
std::string LatexToText(std::string_view math) {
  struct Command {
    const char* name;
    const char* text;
  };
  static const Command kCommands[] = {
      {"geq", "≥"},   {"ge", "≥"},      {"geqslant", "≥"}, {"leq", "≤"},  {"le", "≤"},
      {"leqslant", "≤"}, {"times", "×"}, {"div", "÷"},     {"pm", "±"},   {"neq", "≠"},
      {"ne", "≠"},    {"approx", "≈"},  {"cdot", "·"},     {"sim", "~"},  {"lt", "<"},
      {"gt", ">"},    {"checkmark", "✓"}, {"surd", "√"},   {"square", "□"}, {"ldots", "…"},
      {"dots", "…"},  {"circ", "°"},    {"degree", "°"},  {"permil", "‰"}, {"infty", "∞"},
  };
  std::string out;
  for (size_t i = 0; i < math.size();) {
    const char c = math[i];
    if (c == '\\') {
      size_t j = i + 1;
      while (j < math.size() && IsAlpha(math[j])) ++j;
      if (j == i + 1) {
        // \% \$ \{ \} \_ \& give the character; spacing commands give nothing.
        if (j < math.size()) {
          const char e = math[j];
          if (e == '%' || e == '$' || e == '{' || e == '}' || e == '_' || e == '&' || e == '#')
            out += e;
          i = j + 1;
        } else {
          i = j;
        }
        continue;
      }
      const std::string_view name = math.substr(i + 1, j - i - 1);
      bool known = false;
      for (const Command& cmd : kCommands) {
        if (name == cmd.name) {
          out += cmd.text;
          known = true;
          break;
        }
      }
      // Font and text commands (\text, \mathrm, \left, ...) vanish; their
      // braced argument is kept as text below.
      (void)known;
      i = j;
      continue;
    }
    if (c == '{' || c == '}' || c == ' ' || c == '~') {
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

std::string TidyLines(std::string_view raw) {
  std::string out;
  size_t begin = 0;
  while (begin <= raw.size()) {
    size_t end = raw.find('\n', begin);
    if (end == std::string_view::npos) end = raw.size();
    const std::string line = CollapseSpaces(raw.substr(begin, end - begin));
    const std::string_view trimmed = TrimSpaces(line);
    if (!trimmed.empty()) {
      if (!out.empty()) out += '\n';
      out += trimmed;
    }
    begin = end + 1;
  }
  return out;
}

}  // namespace

std::string CleanInline(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool comments_closed = true;  // false once an unclosed "<!--" was seen
  size_t drop_until = 0;        // inside <style>/<script>: skip to here
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (i < drop_until) {
      ++i;
      continue;
    }
    if (c == '<') {
      if (comments_closed && s.compare(i, 4, "<!--") == 0) {
        const size_t close = s.find("-->", i + 4);
        if (close != std::string_view::npos) {
          i = close + 3;
          continue;
        }
        comments_closed = false;
      }
      Tag tag;
      if (ReadTag(s, i, tag)) {
        const TagRole role = RoleOf(tag.name);
        if (role != TagRole::kUnknown) {
          if (role == TagRole::kBlock) out += '\n';
          else if (role == TagRole::kCell) out += ' ';
          else if (role == TagRole::kInput && !tag.closing) out += CheckboxText(tag.attrs);
          else if (role == TagRole::kDropContent && !tag.closing) {
            const size_t close = FindNoCase(s, "</" + tag.name, tag.end);
            drop_until = close == std::string_view::npos ? tag.end : close;
          }
          i = tag.end;
          continue;
        }
      }
      out += c;
      ++i;
      continue;
    }
    if (c == '&') {
      const size_t next = ReadEntity(s, i, out);
      if (next != i) {
        i = next;
        continue;
      }
      out += c;
      ++i;
      continue;
    }
    if (c == '$') {
      const size_t limit = std::min(s.size(), i + 1 + kMaxMathBytes);
      size_t close = std::string_view::npos;
      for (size_t j = i + 1; j < limit; ++j) {
        if (s[j] == '\n') break;
        if (s[j] == '$') {
          close = j;
          break;
        }
      }
      if (close != std::string_view::npos) {
        const std::string_view math = s.substr(i + 1, close - i - 1);
        if (math.find('\\') != std::string_view::npos) {
          out += LatexToText(math);
          i = close + 1;
          continue;
        }
      }
      out += c;
      ++i;
      continue;
    }
    if (c == '*' && i + 1 < s.size() && s[i + 1] == '*') {
      i += 2;  // Markdown bold marker
      continue;
    }
    if (c == '\t') {
      out += ' ';
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  return TidyLines(out);
}

size_t FindTableStart(std::string_view text, size_t from) {
  while (true) {
    const size_t at = FindNoCase(text, "<table", from);
    if (at == std::string_view::npos) return at;
    const size_t after = at + 6;
    if (after >= text.size() || text[after] == '>' || text[after] == ' ' || text[after] == '\n' ||
        text[after] == '\t' || text[after] == '/')
      return at;
    from = after;
  }
}

size_t FindTableEnd(std::string_view text, size_t start) {
  int depth = 0;
  size_t i = start;
  while (i < text.size()) {
    const size_t lt = text.find('<', i);
    if (lt == std::string_view::npos) break;
    Tag tag;
    if (ReadTag(text, lt, tag) && tag.name == "table") {
      depth += tag.closing ? -1 : 1;
      i = tag.end;
      if (depth <= 0) return i;
      continue;
    }
    i = lt + 1;
  }
  return text.size();
}

Table ParseHtmlTable(std::string_view html, const SourceMap* source) {
  struct RawCell {
    int row;
    int row_span;
    int col_span;
    std::string raw;
    int col = 0;
    SourcePosition where;
  };
  std::vector<RawCell> cells;
  int rows = 0;
  int depth = 0;         // table nesting; 1 = inside the table itself
  bool in_row = false;
  size_t open = SIZE_MAX;  // index of the cell receiving text
  for (size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      Tag tag;
      if (ReadTag(html, i, tag)) {
        bool ours = depth == 1;
        if (tag.name == "table") {
          depth += tag.closing ? -1 : 1;
          ours = tag.closing ? depth <= 0 : depth == 1;
        }
        if (ours && (tag.name == "tr" || tag.name == "td" || tag.name == "th" ||
                     tag.name == "table")) {
          if (tag.name == "tr") {
            open = SIZE_MAX;
            in_row = !tag.closing;
            if (!tag.closing) ++rows;
          } else if (tag.name == "table") {
            open = SIZE_MAX;
          } else if (!tag.closing) {
            if (!in_row) {
              ++rows;
              in_row = true;
            }
            cells.push_back({rows - 1, SpanValue(tag.attrs, "rowspan", kMaxRowSpan),
                             SpanValue(tag.attrs, "colspan", kMaxColSpan), std::string(), 0,
                             source != nullptr ? source->Locate(html.data() + i) : SourcePosition{}});
            open = cells.size() - 1;
          } else {
            open = SIZE_MAX;
          }
          i = tag.end;
          continue;
        }
        if (open != SIZE_MAX) cells[open].raw.append(html.substr(i, tag.end - i));
        i = tag.end;
        continue;
      }
    }
    const size_t next = html.find('<', i + 1);
    const size_t end = next == std::string_view::npos ? html.size() : next;
    if (open != SIZE_MAX) cells[open].raw.append(html.substr(i, end - i));
    i = end;
  }

  // Place the cells on the grid: each takes the first free column of its row.
  std::vector<std::vector<bool>> taken(static_cast<size_t>(rows));
  auto is_taken = [&](int r, int c) {
    const auto& row = taken[static_cast<size_t>(r)];
    return static_cast<size_t>(c) < row.size() && row[static_cast<size_t>(c)];
  };
  Table table;
  table.rows = rows;
  std::vector<int> next_col(static_cast<size_t>(rows), 0);
  for (RawCell& cell : cells) {
    int& col = next_col[static_cast<size_t>(cell.row)];
    while (col < kMaxTableCols && is_taken(cell.row, col)) ++col;
    if (col >= kMaxTableCols) continue;
    cell.row_span = std::min(cell.row_span, rows - cell.row);
    cell.col_span = std::min(cell.col_span, kMaxTableCols - col);
    // A span reaching into taken positions is cut back so spans never overlap.
    int span = 1;
    while (span < cell.col_span && !is_taken(cell.row, col + span)) ++span;
    cell.col_span = span;
    int rspan = 1;
    while (rspan < cell.row_span) {
      bool free = true;
      for (int c = col; c < col + cell.col_span && free; ++c) free = !is_taken(cell.row + rspan, c);
      if (!free) break;
      ++rspan;
    }
    cell.row_span = rspan;
    for (int r = cell.row; r < cell.row + cell.row_span; ++r) {
      auto& row = taken[static_cast<size_t>(r)];
      if (row.size() < static_cast<size_t>(col + cell.col_span))
        row.resize(static_cast<size_t>(col + cell.col_span), false);
      for (int c = col; c < col + cell.col_span; ++c) row[static_cast<size_t>(c)] = true;
    }
    cell.col = col;
    col += cell.col_span;
    table.cols = std::max(table.cols, cell.col + cell.col_span);
    Cell out;
    out.row = cell.row;
    out.col = cell.col;
    out.row_span = cell.row_span;
    out.col_span = cell.col_span;
    out.text = CleanInline(cell.raw);
    out.line = cell.where.line;
    out.column = cell.where.column;
    table.cells.push_back(std::move(out));
  }
  std::sort(table.cells.begin(), table.cells.end(), [](const Cell& a, const Cell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  return table;
}

}  // namespace jixiao::text
