#include "extract/xlsx_number_format.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace jixiao::office {
namespace {

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Format sections split at ';' outside quotes, brackets and escapes.
std::vector<std::string> SplitSections(std::string_view code) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const size_t end = code.find('"', i + 1);
      const size_t stop = end == std::string_view::npos ? code.size() : end + 1;
      out.back().append(code.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '[') {
      const size_t end = code.find(']', i + 1);
      const size_t stop = end == std::string_view::npos ? code.size() : end + 1;
      out.back().append(code.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '\\' && i + 1 < code.size()) {
      out.back().append(code.substr(i, 2));
      ++i;
    } else if (c == ';') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

bool IsGeneral(std::string_view section) {
  std::string lower;
  for (char c : section) lower += Lower(c);
  return lower.empty() || lower == "general" || lower == "@";
}

std::string General(double v) {
  if (!std::isfinite(v)) return "#NUM!";
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  // 15 significant digits, as Excel stores and shows them: 640.4999999999999
  // from a formula reads 640.5.
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.15G", v);
  return buf;
}

// The part of a section outside quotes, brackets and escapes, for deciding
// what kind of format it is.
std::string Bare(std::string_view section) {
  std::string out;
  for (size_t i = 0; i < section.size(); ++i) {
    const char c = section[i];
    if (c == '"') {
      const size_t end = section.find('"', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '[') {
      const size_t end = section.find(']', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

bool IsDateFormat(std::string_view section) {
  const std::string bare = Bare(section);
  for (char c : bare) {
    const char l = Lower(c);
    if (l == 'y' || l == 'd' || l == 'h' || l == 's' || l == 'm') return true;
  }
  return false;
}

// |value| rounded half away from zero to `decimals` places, using its 15
// significant decimal digits (so 1.005 with two decimals is "1.01", as in Excel).
std::string FixedDecimal(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.14e", std::fabs(value));
  std::string digits;
  const char* p = buf;
  for (; *p != 'e' && *p != '\0'; ++p)
    if (std::isdigit(static_cast<unsigned char>(*p))) digits += *p;
  const int exponent = *p == 'e' ? std::atoi(p + 1) : 0;
  // digits = d0 d1 ... d14, value = d0.d1d2... x 10^exponent.
  const int int_digits = exponent + 1;
  const int keep = int_digits + decimals;  // digits kept from the front
  std::string kept;
  if (keep <= 0) {
    // Below one unit of the last decimal: rounds to that unit or to zero.
    kept = (keep == 0 && digits[0] >= '5') ? "1" : "0";
  } else if (keep < static_cast<int>(digits.size())) {
    kept = digits.substr(0, static_cast<size_t>(keep));
    if (digits[static_cast<size_t>(keep)] >= '5') {
      int i = keep - 1;
      while (i >= 0 && kept[static_cast<size_t>(i)] == '9') kept[static_cast<size_t>(i--)] = '0';
      if (i >= 0) ++kept[static_cast<size_t>(i)];
      else kept.insert(kept.begin(), '1');
    }
  } else {
    kept = digits + std::string(static_cast<size_t>(keep) - digits.size(), '0');
  }
  // kept now holds the digits of round(|value| * 10^decimals).
  if (static_cast<int>(kept.size()) <= decimals) kept.insert(0, static_cast<size_t>(decimals + 1) - kept.size(), '0');
  std::string int_part = kept.substr(0, kept.size() - static_cast<size_t>(decimals));
  const size_t nonzero = int_part.find_first_not_of('0');
  int_part = nonzero == std::string::npos ? "0" : int_part.substr(nonzero);
  if (decimals == 0) return int_part;
  return int_part + "." + kept.substr(kept.size() - static_cast<size_t>(decimals));
}

std::string Group(const std::string& int_part) {
  std::string out;
  const int n = static_cast<int>(int_part.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += int_part[static_cast<size_t>(i)];
  }
  return out;
}

// The digit placeholders of a numeric section and what they ask for.
struct NumberPattern {
  int int_zeros = 0;       // '0' before the decimal point
  int min_decimals = 0;    // '0' after it
  int max_decimals = 0;    // '0', '#', '?' after it
  bool grouping = false;   // ',' between integer placeholders
  int scale_thousands = 0; // ',' right after the last integer placeholder
  bool scientific = false;
  int exponent_digits = 0;
};

bool IsPlaceholder(char c) { return c == '0' || c == '#' || c == '?'; }

std::string RenderPattern(double magnitude, const NumberPattern& pat) {
  if (pat.scientific) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*E", pat.max_decimals, magnitude);
    std::string s = buf;
    const size_t e = s.find('E');
    std::string mantissa = s.substr(0, e);
    const int exponent = std::atoi(s.c_str() + e + 1);
    std::string exp_digits = std::to_string(std::abs(exponent));
    while (static_cast<int>(exp_digits.size()) < pat.exponent_digits) exp_digits.insert(0, "0");
    return mantissa + "E" + (exponent < 0 ? "-" : "+") + exp_digits;
  }
  double v = magnitude;
  for (int i = 0; i < pat.scale_thousands; ++i) v /= 1000.0;
  std::string fixed = FixedDecimal(v, pat.max_decimals);
  std::string int_part = fixed.substr(0, fixed.find('.'));
  std::string frac = fixed.find('.') == std::string::npos ? "" : fixed.substr(fixed.find('.') + 1);
  while (static_cast<int>(frac.size()) > pat.min_decimals && !frac.empty() && frac.back() == '0') frac.pop_back();
  if (int_part == "0" && pat.int_zeros == 0 && !frac.empty()) int_part.clear();
  while (static_cast<int>(int_part.size()) < pat.int_zeros) int_part.insert(0, "0");
  if (pat.grouping) int_part = Group(int_part);
  return frac.empty() ? int_part : int_part + "." + frac;
}

// A numeric section: literals kept in place, the first run of placeholders
// replaced by the number.
std::string RenderNumeric(double magnitude, std::string_view section) {
  NumberPattern pat;
  // First pass: the placeholders and percent signs.
  bool seen_point = false, in_number = false, number_done = false, any_placeholder = false;
  int percents = 0;
  for (size_t i = 0; i < section.size(); ++i) {
    const char c = section[i];
    if (c == '"') {
      const size_t end = section.find('"', i + 1);
      i = end == std::string_view::npos ? section.size() : end;
      if (in_number) number_done = true;
      continue;
    }
    if (c == '[') {
      const size_t end = section.find(']', i + 1);
      i = end == std::string_view::npos ? section.size() : end;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {
      ++i;
      if (in_number) number_done = true;
      continue;
    }
    if (c == '%') {
      ++percents;
      continue;
    }
    if (number_done) continue;
    if (IsPlaceholder(c)) {
      in_number = any_placeholder = true;
      if (pat.scientific) ++pat.exponent_digits;
      else if (seen_point) {
        ++pat.max_decimals;
        if (c == '0') ++pat.min_decimals;
      } else {
        if (c == '0') ++pat.int_zeros;
        if (pat.scale_thousands > 0) {  // a ',' between placeholders groups
          pat.grouping = true;
          pat.scale_thousands = 0;
        }
      }
    } else if (c == '.' && in_number && !pat.scientific) {
      seen_point = true;
    } else if (c == ',' && in_number && !seen_point) {
      ++pat.scale_thousands;
    } else if ((c == 'E' || c == 'e') && in_number && i + 1 < section.size() &&
               (section[i + 1] == '+' || section[i + 1] == '-')) {
      pat.scientific = true;
      ++i;
    } else if (in_number) {
      number_done = true;
    }
  }
  double v = magnitude;
  for (int i = 0; i < percents; ++i) v *= 100.0;
  const std::string number = RenderPattern(v, pat);

  // Second pass: the literals around the number.
  std::string out;
  bool placed = false;
  in_number = false;
  for (size_t i = 0; i < section.size(); ++i) {
    const char c = section[i];
    if (c == '"') {
      const size_t end = section.find('"', i + 1);
      const size_t stop = end == std::string_view::npos ? section.size() : end;
      out.append(section.substr(i + 1, stop - i - 1));
      i = stop;
      in_number = false;
    } else if (c == '[') {
      const size_t end = section.find(']', i + 1);
      i = end == std::string_view::npos ? section.size() : end;
    } else if (c == '\\') {
      if (i + 1 < section.size()) out += section[++i];
    } else if (c == '_' || c == '*') {
      ++i;  // a space as wide as the next character, or a fill: nothing printed
    } else if (IsPlaceholder(c) || ((c == '.' || c == ',') && in_number) ||
               ((c == 'E' || c == 'e') && in_number && i + 1 < section.size() &&
                (section[i + 1] == '+' || section[i + 1] == '-'))) {
      if (c == 'E' || c == 'e') ++i;
      if (!placed) out += number;
      placed = true;
      in_number = true;
    } else {
      out += c;
      if (c != '%') in_number = false;
    }
  }
  // A section of literals alone ("-" for zero) prints no number.
  if (!placed && any_placeholder) out += number;
  return out;
}

// Days since 1970-01-01 -> civil date (Howard Hinnant's algorithm).
void CivilFromDays(long long z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long yy = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yy + (m <= 2));
}

std::string TwoDigits(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

std::string RenderDate(double serial, std::string_view section, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958465) return General(serial);
  long long days = static_cast<long long>(std::floor(serial));
  long long seconds = std::llround((serial - std::floor(serial)) * 86400.0);
  if (seconds >= 86400) {
    ++days;
    seconds -= 86400;
  }
  int year = 1900;
  unsigned month = 2, day = 29;  // serial 60 in the 1900 system: a day that never was
  if (date1904) {
    CivilFromDays(days - 24107, year, month, day);  // 1904-01-01 is day -24107
  } else if (days != 60) {
    // 1899-12-31 is serial 0; serials after the phantom 1900-02-29 are one day late.
    CivilFromDays(days - 25568 - (days > 60 ? 1 : 0), year, month, day);
  }
  const int hour = static_cast<int>(seconds / 3600), minute = static_cast<int>(seconds / 60 % 60),
            second = static_cast<int>(seconds % 60);
  const std::string bare = Bare(section);
  bool ampm = false;
  for (size_t i = 0; i + 1 < bare.size(); ++i)
    if ((Lower(bare[i]) == 'a' && (bare.substr(i, 5) == "AM/PM" || bare.substr(i, 5) == "am/pm")) ||
        (Lower(bare[i]) == 'a' && bare.size() >= i + 3 && bare[i + 1] == '/'))
      ampm = true;
  std::string out;
  char last = 0;  // the last date letter, to tell minutes (after h) from months
  for (size_t i = 0; i < section.size(); ++i) {
    const char c = section[i];
    const char l = Lower(c);
    size_t run = 1;
    while (i + run < section.size() && Lower(section[i + run]) == l) ++run;
    if (c == '"') {
      const size_t end = section.find('"', i + 1);
      const size_t stop = end == std::string_view::npos ? section.size() : end;
      out.append(section.substr(i + 1, stop - i - 1));
      i = stop;
      continue;
    }
    if (c == '[') {
      const size_t end = section.find(']', i + 1);
      i = end == std::string_view::npos ? section.size() : end;
      continue;
    }
    if (c == '\\') {
      if (i + 1 < section.size()) out += section[++i];
      continue;
    }
    if (c == '_' || c == '*') {
      ++i;
      continue;
    }
    if ((section.substr(i, 5) == "AM/PM" || section.substr(i, 5) == "am/pm")) {
      out += hour < 12 ? "AM" : "PM";
      i += 4;
      continue;
    }
    if (l == 'y') {
      out += run <= 2 ? TwoDigits(year % 100) : std::to_string(year);
    } else if (l == 'm') {
      bool minutes = last == 'h';
      for (size_t k = i + run; k < section.size() && !minutes; ++k) {
        const char n = Lower(section[k]);
        if (n == 's') minutes = true;
        if (n == 'y' || n == 'd' || n == 'h' || n == 'm') break;
      }
      if (minutes) out += run >= 2 ? TwoDigits(minute) : std::to_string(minute);
      else out += run >= 2 ? TwoDigits(static_cast<int>(month)) : std::to_string(month);
    } else if (l == 'd') {
      out += run >= 2 ? TwoDigits(static_cast<int>(day)) : std::to_string(day);
    } else if (l == 'h') {
      const int h = ampm ? (hour % 12 == 0 ? 12 : hour % 12) : hour;
      out += run >= 2 ? TwoDigits(h) : std::to_string(h);
    } else if (l == 's') {
      out += run >= 2 ? TwoDigits(second) : std::to_string(second);
    } else {
      out += c;
      continue;
    }
    last = l;
    i += run - 1;
  }
  return out;
}

}  // namespace

std::string BuiltinFormatCode(int id) {
  switch (id) {
    case 0: return "General";
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 5: return "\"¥\"#,##0;\"¥\"-#,##0";
    case 6: return "\"¥\"#,##0;[Red]\"¥\"-#,##0";
    case 7: return "\"¥\"#,##0.00;\"¥\"-#,##0.00";
    case 8: return "\"¥\"#,##0.00;[Red]\"¥\"-#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 12: case 13: return "General";  // fractions: not placed, General
    case 14: return "yyyy/m/d";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "yyyy/m/d h:mm";
    case 27: case 28: case 29: case 30: case 31: case 34: case 35: case 36: case 50: case 51: case 52:
    case 53: case 54:
      return "yyyy\"年\"m\"月\"d\"日\"";
    case 32: case 33: return "h\"时\"mm\"分\"ss\"秒\"";
    case 37: return "#,##0;-#,##0";
    case 38: return "#,##0;[Red]-#,##0";
    case 39: return "#,##0.00;-#,##0.00";
    case 40: return "#,##0.00;[Red]-#,##0.00";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    case 48: return "##0.0E+0";
    case 49: return "@";
    case 55: case 56: return "yyyy\"年\"m\"月\"";
    case 57: return "yyyy\"年\"m\"月\"";
    case 58: return "m\"月\"d\"日\"";
    default: return "";
  }
}

std::string RenderNumber(double value, std::string_view code, bool date1904) {
  if (!std::isfinite(value)) return "#NUM!";
  const std::vector<std::string> sections = SplitSections(code);
  std::string_view section = sections[0];
  bool minus = value < 0;
  if (value < 0 && sections.size() >= 2 && !sections[1].empty()) {
    section = sections[1];
    minus = false;  // the negative section prints its own sign
  } else if (value == 0 && sections.size() >= 3) {
    section = sections[2];
  }
  if (IsGeneral(section)) return General(value);
  if (IsDateFormat(section)) return RenderDate(value, section, date1904);
  std::string text = RenderNumeric(std::fabs(value), section);
  // "-0.00" is not printed: a value that rounds to zero has no sign.
  bool all_zero = true;
  for (char c : text)
    if (c >= '1' && c <= '9') all_zero = false;
  return (minus && !all_zero) ? "-" + text : text;
}

}  // namespace jixiao::office
