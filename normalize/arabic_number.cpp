#include "normalize/arabic_number.h"

#include <charconv>
#include <string>

namespace jixiao::norm {
namespace {

// The digit an OCR letter stands for inside a digit run, or 0 when `c` is
// not one. '|' stands for 1 only at the start of a run (elsewhere it is a
// table rule).
char OcrDigit(char32_t c, bool at_run_start) {
  switch (c) {
    case U'O': case U'o': return '0';
    case U'l': case U'I': return '1';
    case U'|': return at_run_start ? '1' : 0;
    default: return 0;
  }
}

// One contiguous run of digits / OCR letters.
struct Run {
  std::string digits;
  std::size_t end = 0;
  bool has_letter = false;
  bool has_digit = false;
};

Run ReadRun(TextView text, std::size_t pos, bool allow_letters) {
  Run run;
  std::size_t i = pos;
  while (i < text.size()) {
    const char32_t c = text[i];
    if (IsAsciiDigit(c)) {
      run.digits += static_cast<char>(c);
      run.has_digit = true;
    } else if (char d = allow_letters ? OcrDigit(c, i == pos) : 0; d != 0) {
      run.digits += d;
      run.has_letter = true;
    } else {
      break;
    }
    ++i;
  }
  run.end = i;
  return run;
}

bool LatinAt(TextView text, std::size_t pos) {
  return pos < text.size() && IsLatinLetter(text[pos]);
}

bool LatinBefore(TextView text, std::size_t pos) {
  return pos > 0 && pos <= text.size() && IsLatinLetter(text[pos - 1]);
}

// A run that used OCR letters must not touch other Latin letters (then it is
// a word such as DIP), and letters must not make a leading zero (O5 is not 05).
bool LettersReadable(TextView text, std::size_t begin, const Run& run) {
  if (!run.has_letter) return true;
  if (LatinBefore(text, begin) || LatinAt(text, run.end)) return false;
  if (run.digits.size() > 1 && run.digits[0] == '0' && !IsAsciiDigit(text[begin])) return false;
  return true;
}

// Magnitude and unit characters that make a letters-only run such as "lO"
// (in lO万元) read as digits.
bool FiguresFollow(TextView text, std::size_t pos) {
  pos = SkipSpaces(text, pos);
  if (pos >= text.size()) return false;
  switch (text[pos]) {
    case U'万': case U'亿': case U'千': case U'百': case U'元': case U'%': case U'.':
      return true;
    default:
      return false;
  }
}

}  // namespace

bool IsConfusableLetter(char32_t c) {
  switch (c) {
    case U'S': case U's': case U'B': case U'Z': case U'z': case U'g': case U'q':
    case U'D': case U'Q': case U'b':
      return true;
    default:
      return false;
  }
}

bool CanStartArabicNumber(TextView text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const char32_t c = text[pos];
  if (IsAsciiDigit(c)) return true;
  if (OcrDigit(c, true) == 0 || LatinBefore(text, pos)) return false;
  if (c == U'O' || c == U'o') {
    // O.5: a letter zero starts a number only before a decimal point.
    return pos + 2 < text.size() && text[pos + 1] == U'.' && IsAsciiDigit(text[pos + 2]);
  }
  return true;
}

std::optional<NumberToken> ReadArabicNumber(TextView text, std::size_t pos, NumberIssue* issue,
                                            std::size_t* resume) {
  *issue = NumberIssue::kNone;
  *resume = pos + 1;
  if (!CanStartArabicNumber(text, pos)) return std::nullopt;

  Run first = ReadRun(text, pos, /*allow_letters=*/true);
  *resume = first.end > pos ? first.end : pos + 1;
  if (first.digits.empty() || !LettersReadable(text, pos, first)) return std::nullopt;

  NumberToken token;
  token.begin = pos;
  token.ocr_repaired = first.has_letter;
  std::string digits = first.digits;
  int int_digits = static_cast<int>(first.digits.size());
  bool any_real_digit = first.has_digit;
  std::size_t i = first.end;
  std::size_t last_group = first.digits.size();
  bool thousands = false;
  bool spaced = false;

  // Integer part: thousands groups and OCR-spaced digits.
  for (int guard = 0; guard < kMaxDigits + 2 && i < text.size(); ++guard) {
    if (text[i] == U',') {
      Run group = ReadRun(text, i + 1, /*allow_letters=*/false);
      if (group.digits.size() == 3 && !spaced && (thousands || last_group <= 3)) {
        digits += group.digits;
        int_digits += 3;
        any_real_digit = true;
        i = group.end;
        last_group = 3;
        thousands = true;
        continue;
      }
      if (!group.digits.empty()) {
        *issue = NumberIssue::kMangled;  // 1,5 or 12,34: not a thousands grouping
        *resume = group.end;
        return std::nullopt;
      }
      break;
    }
    if (IsSpace(text[i])) {
      std::size_t j = i;
      while (j < text.size() && j - i < 2 && IsSpace(text[j])) ++j;
      Run group = ReadRun(text, j, /*allow_letters=*/false);
      if (group.digits.empty()) break;
      // A percentage is never grouped in thousands: "10 100%" is two cells.
      const std::size_t after_group = SkipSpaces(text, group.end);
      const bool percent_follows = after_group < text.size() && text[after_group] == U'%';
      const bool comma_follows = group.end < text.size() && text[group.end] == U',';
      if (!spaced && group.digits.size() == 3 && (thousands || last_group <= 3) &&
          !comma_follows && !percent_follows) {
        thousands = true;
      } else if (!thousands && last_group == 1 && group.digits.size() <= 2) {
        spaced = true;
      } else {
        break;
      }
      digits += group.digits;
      int_digits += static_cast<int>(group.digits.size());
      any_real_digit = true;
      last_group = group.digits.size();
      i = group.end;
      continue;
    }
    break;
  }

  // Fraction: ".5"; OCR may space the point off the integer part ("95 .5",
  // "9 5 .5") and, after spaced digits, off the fraction ("9 9 . 5").
  std::size_t dot = i;
  if (i + 2 < text.size() && IsSpace(text[i]) && text[i + 1] == U'.' && IsAsciiDigit(text[i + 2])) {
    dot = i + 1;
  }
  if (spaced) dot = SkipSpaces(text, i);
  int frac_digits = 0;
  if (dot < text.size() && text[dot] == U'.') {
    Run frac;
    // Spaced digits may be spaced after the point too: "9 9 . 5 %".
    const std::size_t frac_at = spaced ? SkipSpaces(text, dot + 1) : dot + 1;
    if (frac_at < text.size() && text[frac_at] != U'|') {
      frac = ReadRun(text, frac_at, /*allow_letters=*/true);
      if (frac.has_letter && LatinAt(text, frac.end)) frac = Run{};
    }
    if (!frac.digits.empty()) {
      digits += '.';
      digits += frac.digits;
      frac_digits = static_cast<int>(frac.digits.size());
      any_real_digit = any_real_digit || frac.has_digit;
      token.ocr_repaired = token.ocr_repaired || frac.has_letter;
      i = frac.end;
    }
  }
  *resume = i;

  if (!any_real_digit && !(first.digits.size() >= 2 && FiguresFollow(text, i))) {
    return std::nullopt;  // letters only: "I", "lO" with nothing numeric after
  }
  if (int_digits + frac_digits > kMaxDigits) {
    *issue = NumberIssue::kTooLong;
    return std::nullopt;
  }
  double value = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || ptr != digits.data() + digits.size()) {
    *issue = NumberIssue::kMangled;
    return std::nullopt;
  }
  token.end = i;
  token.value = value;
  token.int_digits = int_digits;
  token.frac_digits = frac_digits;
  token.grouped = thousands || spaced;
  return token;
}

std::optional<NumberToken> ReadDigitRun(TextView text, std::size_t pos, int max_digits) {
  // In a date a leading O is a zero (2023年O6月), so it may start the run.
  const bool letter_zero = pos + 1 < text.size() && (text[pos] == U'O' || text[pos] == U'o') &&
                           IsAsciiDigit(text[pos + 1]) && !LatinBefore(text, pos);
  if (!letter_zero && !CanStartArabicNumber(text, pos)) return std::nullopt;
  Run run = ReadRun(text, pos, /*allow_letters=*/true);
  if (run.digits.empty() || !run.has_digit ||
      static_cast<int>(run.digits.size()) > max_digits) {
    return std::nullopt;
  }
  if (!letter_zero && !LettersReadable(text, pos, run)) return std::nullopt;
  if (letter_zero && LatinAt(text, run.end)) return std::nullopt;
  NumberToken token;
  token.begin = pos;
  token.end = run.end;
  token.int_digits = static_cast<int>(run.digits.size());
  token.ocr_repaired = run.has_letter;
  double value = 0;
  std::from_chars(run.digits.data(), run.digits.data() + run.digits.size(), value);
  token.value = value;
  return token;
}

}  // namespace jixiao::norm
