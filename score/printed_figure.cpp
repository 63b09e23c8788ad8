#include "score/printed_figure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace jixiao::score {

namespace {

// Decodes an ASCII or full-width (U+FF10..U+FF19) digit at raw[i]; returns
// its value and the byte length, or -1.
int DigitAt(std::string_view raw, size_t i, size_t* length) {
  unsigned char c = static_cast<unsigned char>(raw[i]);
  if (c >= '0' && c <= '9') {
    *length = 1;
    return c - '0';
  }
  // Full-width digits are EF BC 90..99 in UTF-8.
  if (c == 0xEF && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xBC) {
    unsigned char d = static_cast<unsigned char>(raw[i + 2]);
    if (d >= 0x90 && d <= 0x99) {
      *length = 3;
      return d - 0x90;
    }
  }
  return -1;
}

// A decimal point: '.', or full-width '．' (EF BC 8E).
bool PointAt(std::string_view raw, size_t i, size_t* length) {
  if (raw[i] == '.') {
    *length = 1;
    return true;
  }
  if (static_cast<unsigned char>(raw[i]) == 0xEF && i + 2 < raw.size() &&
      static_cast<unsigned char>(raw[i + 1]) == 0xBC && static_cast<unsigned char>(raw[i + 2]) == 0x8E) {
    *length = 3;
    return true;
  }
  return false;
}

double SnapToPowerOfTen(double scale) {
  if (!(scale > 0) || !std::isfinite(scale)) return 1;
  double exponent = std::round(std::log10(scale));
  double snapped = std::pow(10.0, exponent);
  return std::fabs(snapped - scale) <= 1e-6 * snapped ? snapped : scale;
}

std::string LabelFor(double scale, const Value& value) {
  std::string unit = value.unit.value_or("");
  if (unit == "元") {
    if (scale == 1e4) return "万元";
    if (scale == 1e8) return "亿元";
    if (scale == 1e3) return "千元";
    if (scale == 1) return "元";
    return "";
  }
  if (unit == "%") return "%";
  if (scale == 1e4) return "万" + unit;
  if (scale == 1) return unit;
  return "";
}

}  // namespace

std::optional<double> FirstNumberIn(const std::string& raw, int* decimals) {
  std::string_view s(raw);
  size_t i = 0;
  size_t len = 0;
  while (i < s.size() && DigitAt(s, i, &len) < 0) ++i;
  if (i >= s.size()) return std::nullopt;
  bool negative = false;
  if (i > 0 && (s[i - 1] == '-')) negative = true;
  // "−" (U+2212, E2 88 92) and full-width "－" (EF BC 8D) also print a minus.
  if (i >= 3 && ((static_cast<unsigned char>(s[i - 3]) == 0xE2 && static_cast<unsigned char>(s[i - 2]) == 0x88 &&
                  static_cast<unsigned char>(s[i - 1]) == 0x92) ||
                 (static_cast<unsigned char>(s[i - 3]) == 0xEF && static_cast<unsigned char>(s[i - 2]) == 0xBC &&
                  static_cast<unsigned char>(s[i - 1]) == 0x8D)))
    negative = true;
  double integer_part = 0, fraction = 0, fraction_scale = 1;
  int fraction_digits = 0;
  bool in_fraction = false;
  int digits_seen = 0;
  while (i < s.size() && digits_seen < 40) {
    int d = DigitAt(s, i, &len);
    if (d >= 0) {
      if (in_fraction) {
        fraction_scale /= 10;
        fraction += d * fraction_scale;
        ++fraction_digits;
      } else {
        integer_part = integer_part * 10 + d;
      }
      ++digits_seen;
      i += len;
      continue;
    }
    // A thousands separator between digits.
    if (!in_fraction && (s[i] == ',' || s[i] == '\'') && i + 1 < s.size() && DigitAt(s, i + 1, &len) >= 0) {
      ++i;
      continue;
    }
    size_t point_len = 0;
    if (!in_fraction && PointAt(s, i, &point_len) && i + point_len < s.size() &&
        DigitAt(s, i + point_len, &len) >= 0) {
      in_fraction = true;
      i += point_len;
      continue;
    }
    break;
  }
  if (decimals) *decimals = fraction_digits;
  double v = integer_part + fraction;
  return negative ? -v : v;
}

namespace {

// The digits and decimal points of `raw`, ASCII or full width, in order.
std::string DigitsOf(const std::string& raw) {
  std::string out;
  size_t len = 0;
  for (size_t i = 0; i < raw.size();) {
    const int d = DigitAt(raw, i, &len);
    if (d >= 0) {
      out += static_cast<char>('0' + d);
      i += len;
    } else if (PointAt(raw, i, &len)) {
      out += '.';
      i += len;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace

bool DigitsOneEditApart(const std::string& raw_a, const std::string& raw_b) {
  const std::string a = DigitsOf(raw_a), b = DigitsOf(raw_b);
  if (a.empty() || b.empty() || a == b) return false;
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  if (longer.size() - shorter.size() > 1) return false;
  size_t i = 0;
  while (i < shorter.size() && shorter[i] == longer[i]) ++i;
  // Same length: one substitution; else one character more in `longer`.
  const size_t skip = shorter.size() == longer.size() ? 1 : 0;
  return shorter.compare(i + skip, std::string::npos, longer, i + 1, std::string::npos) == 0;
}

namespace {

// The significant digits of `number` ("14" for 140000, "12.5" for 12.5).
std::string SignificantDigits(double number) {
  std::string s = FormatNumber(std::fabs(number), 6);
  if (s.find_first_of(".e") == std::string::npos)
    while (s.size() > 1 && s.back() == '0') s.pop_back();
  return s;
}

}  // namespace

bool MaybeMisread(const Value& a, const Value& b) {
  if (a.confidence >= 1.0 && b.confidence >= 1.0) return false;
  if (DigitsOneEditApart(a.raw, b.raw)) return true;
  // A figure in Chinese numerals (拾肆万元整, 贰 lost to OCR) prints no
  // digits: the digits of the two values are compared instead.
  if (a.number && b.number && std::isfinite(*a.number) && std::isfinite(*b.number) &&
      (DigitsOf(a.raw).empty() || DigitsOf(b.raw).empty()))
    return DigitsOneEditApart(SignificantDigits(*a.number), SignificantDigits(*b.number));
  return false;
}

bool LooksLikeAmount(const std::string& raw) {
  std::string_view s(raw);
  size_t i = 0, len = 0;
  auto skip_spaces = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  };
  auto starts = [&](std::string_view word) { return s.substr(i, word.size()) == word; };
  skip_spaces();
  if (i == s.size()) return true;
  for (std::string_view sign : {"-", "−", "－", "¥", "￥"})
    if (starts(sign)) {
      i += sign.size();
      break;
    }
  skip_spaces();
  int digits = 0;
  bool leading_zero = false;
  while (i < s.size()) {
    int d = DigitAt(s, i, &len);
    if (d >= 0) {
      if (digits == 0 && d == 0) leading_zero = true;
      else if (digits == 1 && leading_zero) return false;  // "00", "012"
      ++digits;
      i += len;
      continue;
    }
    size_t point_len = 0;
    if (digits > 0 && (s[i] == ',' || PointAt(s, i, &point_len))) {
      if (s[i] == ',') point_len = 1;
      leading_zero = false;  // "0.5"
      digits = std::max(digits, 2);
      i += point_len;
      continue;
    }
    break;
  }
  if (digits == 0) return false;
  skip_spaces();
  for (std::string_view unit : {"万元", "千元", "亿元", "元", "万"})
    if (starts(unit)) {
      i += unit.size();
      break;
    }
  skip_spaces();
  return i == s.size();
}

bool IsCleanAmount(const std::optional<Value>& v) {
  return v && v->number && std::isfinite(*v->number) && LooksLikeAmount(v->raw);
}

std::optional<PrintedForm> PrintedFormOf(const Value& value) {
  int decimals = 0;
  std::optional<double> printed = FirstNumberIn(value.raw, &decimals);
  if (!printed) return std::nullopt;
  PrintedForm form;
  form.decimals = decimals;
  if (value.number && *printed != 0 && std::isfinite(*value.number)) {
    form.scale = SnapToPowerOfTen(std::fabs(*value.number / *printed));
  }
  form.unit_label = LabelFor(form.scale, value);
  return form;
}

std::optional<double> LastDigitUnit(const Value& value) {
  std::optional<PrintedForm> form = PrintedFormOf(value);
  if (!form) return std::nullopt;
  return form->scale * std::pow(10.0, -form->decimals);
}

double CoarsestDigit(const std::vector<const Value*>& values) {
  std::vector<PrintedForm> forms;
  for (const Value* v : values) {
    if (!v) continue;
    if (std::optional<PrintedForm> f = PrintedFormOf(*v)) forms.push_back(*f);
  }
  double digit = 0;
  for (const PrintedForm& f : forms) {
    int decimals = f.decimals;
    if (decimals == 0)
      for (const PrintedForm& other : forms)
        if (other.scale == f.scale) decimals = std::max(decimals, other.decimals);
    digit = std::max(digit, f.scale * std::pow(10.0, -decimals));
  }
  return digit;
}

std::string FormatNumber(double x, int max_decimals) {
  if (!std::isfinite(x)) return "—";
  if (max_decimals < 0) max_decimals = 0;
  if (max_decimals > 6) max_decimals = 6;
  char buf[64];
  if (std::fabs(x) >= 1e15) {  // no such amount is printed; keep the text short
    std::snprintf(buf, sizeof buf, "%.6g", x);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, x);
  std::string s(buf);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string FormatLike(double normalized, const Value& like, int extra_decimals) {
  std::optional<PrintedForm> form = PrintedFormOf(like);
  if (!form || form->unit_label.empty()) {
    return FormatNumber(normalized, 2) + like.unit.value_or("");
  }
  // Enough decimals to show the figure to the 元 (or 0.01 of the unit), so
  // a difference computed from two printed figures is not rounded away.
  int decimals = std::max(form->decimals, form->scale >= 1e4 ? 4 : 2) + extra_decimals;
  return FormatNumber(normalized / form->scale, decimals) + form->unit_label;
}

}  // namespace jixiao::score
