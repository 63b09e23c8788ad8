// Date-like runs of OCR symbols and their replacement.
#include "extract/ocr_dates.h"

#include <algorithm>
#include <cmath>

#include "extract/text_chars.h"

namespace jixiao {
namespace {

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsSeparator(char32_t c) { return c == U'.' || c == U'-' || c == U'/'; }
// A "1" under a seal stroke comes back as ], [, |, l or I.
bool IsMisreadOne(char32_t c) { return c == U']' || c == U'[' || c == U'|' || c == U'l' || c == U'I'; }

bool IsDateChar(char32_t c) {
  return IsDigit(c) || IsSeparator(c) || IsMisreadOne(c) || c == U'年' || c == U'月' || c == U'日';
}

// The single code point of a symbol, or 0 when it has none or several.
char32_t OnlyChar(const std::string& s) {
  if (s.empty()) return 0;
  size_t pos = 0;
  const char32_t c = text::NextChar(s, pos);
  return pos == s.size() ? c : 0;
}

// Reads a number of 1..max digits at `i`; false when there is none.
bool Number(const std::u32string& s, size_t& i, size_t max_digits, int* value) {
  size_t n = 0;
  int v = 0;
  while (i < s.size() && IsDigit(s[i]) && n < max_digits) v = v * 10 + static_cast<int>(s[i++] - U'0'), ++n;
  if (n == 0 || (i < s.size() && IsDigit(s[i]))) return false;
  *value = v;
  return true;
}

// A run worth a second reading: a year first, then something more than the
// year (月, 日, or a separator or 年 followed by a digit).
bool SaysMoreThanAYear(const std::u32string& s) {
  if (s.size() < 5 || !IsDigit(s[0]) || !IsDigit(s[1]) || !IsDigit(s[2]) || !IsDigit(s[3])) return false;
  if (!((s[0] == U'1' && s[1] == U'9') || (s[0] == U'2' && s[1] == U'0'))) return false;
  // More than four digits first ("2025482413日", 年 and 月 misread) only with
  // a 年月日 to say it is a date, not an amount such as 20312.86.
  const bool has_date_word = s.find_first_of(U"年月日") != std::u32string::npos;
  if (IsDigit(s[4]) && !has_date_word) return false;
  for (size_t i = 4; i < s.size(); ++i) {
    if (s[i] == U'月' || s[i] == U'日') return true;
    if ((IsSeparator(s[i]) || s[i] == U'年') && i + 1 < s.size() && IsDigit(s[i + 1])) return true;
  }
  return false;
}

}  // namespace

bool IsWellFormedDate(std::string_view text) {
  const std::u32string s = DecodeUtf8Lossy(text);
  size_t i = 0;
  int year = 0, month = 0, day = 0;
  if (!Number(s, i, 4, &year) || i != 4 || year < 1900 || year > 2099 || i == s.size()) return false;
  const char32_t sep = s[i];
  const bool chinese = sep == U'年';
  if (!chinese && !IsSeparator(sep)) return false;
  ++i;
  if (!Number(s, i, 2, &month) || month < 1 || month > 12) return false;
  if (chinese) {
    if (i == s.size() || s[i++] != U'月') return false;
  }
  if (i == s.size()) return true;
  if (!chinese && s[i++] != sep) return false;
  if (!Number(s, i, 2, &day) || day < 1 || day > 31) return false;
  if (chinese) {
    if (i == s.size() || s[i++] != U'日') return false;
  }
  return i == s.size();
}

std::vector<DateRun> FindDateRuns(const std::vector<OcrWord>& words, double dpi) {
  const double em = dpi * 10.5 / 72;
  std::vector<DateRun> runs;
  DateRun run;
  std::u32string chars;
  auto close = [&] {
    if (SaysMoreThanAYear(chars) && !IsWellFormedDate(run.text)) runs.push_back(run);
    run = DateRun{};
    chars.clear();
  };
  const OcrSymbol* last = nullptr;
  for (size_t w = 0; w < words.size(); ++w) {
    for (size_t k = 0; k < words[w].symbols.size(); ++k) {
      const OcrSymbol& s = words[w].symbols[k];
      const char32_t c = OnlyChar(s.text);
      if (c == 0 || !IsDateChar(c)) {
        // 日 misread (as 捍 under a seal) right after "…月13": read again too.
        if (c != 0 && last != nullptr && !chars.empty() && IsDigit(chars.back()) &&
            chars.find(U'月') != std::u32string::npos && s.x0 - last->x1 <= 0.5 * em &&
            std::min(last->y1, s.y1) - std::max(last->y0, s.y0) > 0) {
          run.symbols.emplace_back(w, k);
          run.text += s.text;
          run.x1 = std::max(run.x1, s.x1), run.y0 = std::min(run.y0, s.y0), run.y1 = std::max(run.y1, s.y1);
        }
        close();
        last = nullptr;
        continue;
      }
      if (last != nullptr && !run.symbols.empty()) {
        // Same line (vertical overlap) and close by, or a new run.
        const int overlap = std::min(last->y1, s.y1) - std::max(last->y0, s.y0);
        const int shorter = std::min(last->y1 - last->y0, s.y1 - s.y0);
        const int gap = s.x0 - last->x1;
        // Misread symbols overlap (年 read as "48" gives two boxes on it; a
        // "4" may be boxed over the 年]月 after it), so only the gap ahead
        // and the line count.
        if (overlap * 2 < shorter || gap > 1.2 * em) close();
      }
      if (run.symbols.empty()) run.x0 = s.x0, run.y0 = s.y0, run.x1 = s.x1, run.y1 = s.y1;
      run.symbols.emplace_back(w, k);
      run.text += s.text;
      chars.push_back(c);
      run.x0 = std::min(run.x0, s.x0), run.y0 = std::min(run.y0, s.y0);
      run.x1 = std::max(run.x1, s.x1), run.y1 = std::max(run.y1, s.y1);
      last = &s;
    }
  }
  close();
  return runs;
}

bool ReplaceDateRun(const DateRun& run, const std::vector<OcrWord>& reading_in, std::vector<OcrWord>* words) {
  // A speck at either end comes back as "." (".2025年3月"): dropped.
  std::vector<OcrWord> reading = reading_in;
  while (!reading.empty() && !reading.front().symbols.empty() && reading.front().symbols.front().text == ".") {
    reading.front().symbols.erase(reading.front().symbols.begin());
    reading.front().text.erase(0, 1);
    if (reading.front().symbols.empty()) reading.erase(reading.begin());
  }
  while (!reading.empty() && !reading.back().symbols.empty() && reading.back().symbols.back().text == ".") {
    reading.back().symbols.pop_back();
    reading.back().text.pop_back();
    if (reading.back().symbols.empty()) reading.pop_back();
  }
  std::string text;
  for (const OcrWord& w : reading) text += w.text;
  if (!IsWellFormedDate(text)) return false;
  for (const auto& [w, k] : run.symbols)
    if (w >= words->size() || k >= (*words)[w].symbols.size()) return false;
  OcrWord date;
  date.text = text;
  date.confidence = 1.0;
  // The date keeps the run's box, and its symbols are held inside it: a
  // whitelisted reading boxes symbols loosely (a 年 half a line taller),
  // which would make the line look taller than it is and join it to the
  // title above.
  date.x0 = run.x0, date.y0 = run.y0, date.x1 = run.x1, date.y1 = run.y1;
  for (const OcrWord& w : reading) {
    date.confidence = std::min(date.confidence, w.confidence);
    for (OcrSymbol s : w.symbols) {
      s.x0 = std::clamp(s.x0, run.x0, run.x1), s.x1 = std::clamp(s.x1, run.x0, run.x1);
      s.y0 = std::clamp(s.y0, run.y0, run.y1), s.y1 = std::clamp(s.y1, run.y0, run.y1);
      date.symbols.push_back(s);
    }
  }
  bool placed = false;
  // Symbols of the run marked, then each touched word rebuilt from the rest.
  std::vector<std::vector<bool>> drop(words->size());
  for (const auto& [w, k] : run.symbols) {
    if (drop[w].empty()) drop[w].assign((*words)[w].symbols.size(), false);
    drop[w][k] = true;
  }
  std::vector<OcrWord> out;
  for (size_t w = 0; w < words->size(); ++w) {
    OcrWord& word = (*words)[w];
    if (drop[w].empty()) {
      out.push_back(std::move(word));
      continue;
    }
    // Symbols before and after the run stay as words of their own.
    OcrWord part;
    auto flush = [&] {
      if (part.symbols.empty()) return;
      part.confidence = word.confidence;
      FitToSymbols(&part);
      out.push_back(std::move(part));
      part = OcrWord{};
    };
    for (size_t k = 0; k < word.symbols.size(); ++k) {
      if (drop[w][k]) {
        flush();
        // The date goes where the run began, in reading order.
        if (!placed) out.push_back(date), placed = true;
        continue;
      }
      part.symbols.push_back(word.symbols[k]);
    }
    flush();
  }
  *words = std::move(out);
  return true;
}

}  // namespace jixiao
