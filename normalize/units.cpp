#include "normalize/units.h"

#include <array>

namespace jixiao::norm {
namespace {

struct LexiconEntry {
  TextView printed;
  TextView unit;
  UnitKind kind;
  double scale = 1;
};

using K = UnitKind;

constexpr std::array kLexicon = {
    // Money: 元 and its printed variants (圆 is 元; 整/正 close a sum).
    LexiconEntry{U"元整", U"元", K::kMoney}, LexiconEntry{U"元正", U"元", K::kMoney},
    LexiconEntry{U"元", U"元", K::kMoney}, LexiconEntry{U"圆整", U"元", K::kMoney},
    LexiconEntry{U"圆正", U"元", K::kMoney}, LexiconEntry{U"圆", U"元", K::kMoney},
    LexiconEntry{U"角", U"元", K::kMoney, 0.1},
    // Percent.
    LexiconEntry{U"%", U"%", K::kPercent}, LexiconEntry{U"‰", U"%", K::kPercent, 0.1},
    LexiconEntry{U"成", U"%", K::kPercent, 10},
    LexiconEntry{U"个百分点", U"百分点", K::kMeasure}, LexiconEntry{U"百分点", U"百分点", K::kMeasure},
    // Points and time. 个 is dropped before a time unit.
    LexiconEntry{U"分钟", U"分钟", K::kTime}, LexiconEntry{U"分", U"分", K::kPoints},
    LexiconEntry{U"秒钟", U"秒", K::kTime}, LexiconEntry{U"秒", U"秒", K::kTime},
    LexiconEntry{U"个小时", U"小时", K::kTime}, LexiconEntry{U"小时", U"小时", K::kTime},
    LexiconEntry{U"个工作日", U"工作日", K::kTime}, LexiconEntry{U"工作日", U"工作日", K::kTime},
    LexiconEntry{U"个自然日", U"自然日", K::kTime}, LexiconEntry{U"自然日", U"自然日", K::kTime},
    LexiconEntry{U"日", U"日", K::kTime}, LexiconEntry{U"天", U"天", K::kTime},
    LexiconEntry{U"个星期", U"星期", K::kTime}, LexiconEntry{U"星期", U"星期", K::kTime},
    LexiconEntry{U"周", U"周", K::kTime},
    LexiconEntry{U"个月", U"月", K::kTime}, LexiconEntry{U"月", U"月", K::kTime},
    LexiconEntry{U"个季度", U"季度", K::kTime}, LexiconEntry{U"季度", U"季度", K::kTime},
    LexiconEntry{U"个学期", U"学期", K::kTime}, LexiconEntry{U"学期", U"学期", K::kTime},
    LexiconEntry{U"年", U"年", K::kTime}, LexiconEntry{U"半年", U"半年", K::kTime}, LexiconEntry{U"周岁", U"周岁", K::kTime},
    LexiconEntry{U"岁", U"岁", K::kTime}, LexiconEntry{U"课时", U"课时", K::kTime},
    LexiconEntry{U"学时", U"学时", K::kTime},
    // Counts: the measure word as printed.
    LexiconEntry{U"人次", U"人次", K::kCount}, LexiconEntry{U"人", U"人", K::kCount},
    LexiconEntry{U"家次", U"家次", K::kCount}, LexiconEntry{U"家", U"家", K::kCount},
    LexiconEntry{U"户次", U"户次", K::kCount}, LexiconEntry{U"户", U"户", K::kCount},
    LexiconEntry{U"床日", U"床日", K::kCount}, LexiconEntry{U"床", U"床", K::kCount},
    LexiconEntry{U"次", U"次", K::kCount}, LexiconEntry{U"个", U"个", K::kCount},
    LexiconEntry{U"项", U"项", K::kCount}, LexiconEntry{U"份", U"份", K::kCount},
    LexiconEntry{U"期", U"期", K::kCount}, LexiconEntry{U"名", U"名", K::kCount},
    LexiconEntry{U"位", U"位", K::kCount}, LexiconEntry{U"间", U"间", K::kCount},
    LexiconEntry{U"所", U"所", K::kCount}, LexiconEntry{U"座", U"座", K::kCount},
    LexiconEntry{U"台", U"台", K::kCount}, LexiconEntry{U"辆", U"辆", K::kCount},
    LexiconEntry{U"套", U"套", K::kCount}, LexiconEntry{U"件", U"件", K::kCount},
    LexiconEntry{U"张", U"张", K::kCount}, LexiconEntry{U"本", U"本", K::kCount},
    LexiconEntry{U"册", U"册", K::kCount}, LexiconEntry{U"篇", U"篇", K::kCount},
    LexiconEntry{U"条", U"条", K::kCount}, LexiconEntry{U"场", U"场", K::kCount},
    LexiconEntry{U"批", U"批", K::kCount}, LexiconEntry{U"类", U"类", K::kCount},
    LexiconEntry{U"种", U"种", K::kCount}, LexiconEntry{U"例", U"例", K::kCount},
    LexiconEntry{U"支", U"支", K::kCount}, LexiconEntry{U"只", U"只", K::kCount},
    LexiconEntry{U"头", U"头", K::kCount}, LexiconEntry{U"株", U"株", K::kCount},
    LexiconEntry{U"棵", U"棵", K::kCount}, LexiconEntry{U"处", U"处", K::kCount},
    LexiconEntry{U"组", U"组", K::kCount}, LexiconEntry{U"队", U"队", K::kCount},
    LexiconEntry{U"节", U"节", K::kCount}, LexiconEntry{U"单", U"单", K::kCount},
    LexiconEntry{U"笔", U"笔", K::kCount}, LexiconEntry{U"宗", U"宗", K::kCount},
    LexiconEntry{U"轮", U"轮", K::kCount},
    LexiconEntry{U"届", U"届", K::kCount}, LexiconEntry{U"门", U"门", K::kCount},
    LexiconEntry{U"栋", U"栋", K::kCount}, LexiconEntry{U"幢", U"幢", K::kCount},
    LexiconEntry{U"层", U"层", K::kCount}, LexiconEntry{U"幅", U"幅", K::kCount},
    LexiconEntry{U"块", U"块", K::kCount}, LexiconEntry{U"根", U"根", K::kCount},
    LexiconEntry{U"片", U"片", K::kCount}, LexiconEntry{U"卷", U"卷", K::kCount},
    LexiconEntry{U"盒", U"盒", K::kCount}, LexiconEntry{U"瓶", U"瓶", K::kCount},
    LexiconEntry{U"袋", U"袋", K::kCount}, LexiconEntry{U"箱", U"箱", K::kCount},
    LexiconEntry{U"包", U"包", K::kCount}, LexiconEntry{U"双", U"双", K::kCount},
    LexiconEntry{U"对", U"对", K::kCount}, LexiconEntry{U"副", U"副", K::kCount},
    LexiconEntry{U"枚", U"枚", K::kCount}, LexiconEntry{U"艘", U"艘", K::kCount},
    LexiconEntry{U"架", U"架", K::kCount}, LexiconEntry{U"部", U"部", K::kCount},
    LexiconEntry{U"首", U"首", K::kCount}, LexiconEntry{U"则", U"则", K::kCount},
    LexiconEntry{U"封", U"封", K::kCount}, LexiconEntry{U"页", U"页", K::kCount},
    LexiconEntry{U"人份", U"人份", K::kCount}, LexiconEntry{U"床位", U"床位", K::kCount},
    LexiconEntry{U"批次", U"批次", K::kCount}, LexiconEntry{U"场次", U"场次", K::kCount},
    LexiconEntry{U"车次", U"车次", K::kCount}, LexiconEntry{U"班次", U"班次", K::kCount},
    LexiconEntry{U"架次", U"架次", K::kCount}, LexiconEntry{U"台次", U"台次", K::kCount},
    LexiconEntry{U"件次", U"件次", K::kCount}, LexiconEntry{U"项次", U"项次", K::kCount},
    LexiconEntry{U"例次", U"例次", K::kCount},
    // Measures.
    LexiconEntry{U"亩", U"亩", K::kMeasure}, LexiconEntry{U"公顷", U"公顷", K::kMeasure},
    LexiconEntry{U"平方米", U"平方米", K::kMeasure}, LexiconEntry{U"平方公里", U"平方公里", K::kMeasure},
    LexiconEntry{U"平方千米", U"平方千米", K::kMeasure}, LexiconEntry{U"立方米", U"立方米", K::kMeasure},
    LexiconEntry{U"米", U"米", K::kMeasure}, LexiconEntry{U"公里", U"公里", K::kMeasure},
    LexiconEntry{U"千米", U"千米", K::kMeasure}, LexiconEntry{U"厘米", U"厘米", K::kMeasure},
    LexiconEntry{U"毫米", U"毫米", K::kMeasure}, LexiconEntry{U"吨", U"吨", K::kMeasure},
    LexiconEntry{U"公斤", U"公斤", K::kMeasure}, LexiconEntry{U"千克", U"千克", K::kMeasure},
    LexiconEntry{U"克", U"克", K::kMeasure}, LexiconEntry{U"斤", U"斤", K::kMeasure},
    LexiconEntry{U"毫升", U"毫升", K::kMeasure}, LexiconEntry{U"升", U"升", K::kMeasure},
    LexiconEntry{U"千瓦时", U"千瓦时", K::kMeasure}, LexiconEntry{U"千瓦", U"千瓦", K::kMeasure},
    LexiconEntry{U"兆瓦", U"兆瓦", K::kMeasure}, LexiconEntry{U"瓦", U"瓦", K::kMeasure},
    LexiconEntry{U"度", U"度", K::kMeasure},
    // Latin units (must end at a word boundary, checked below).
    LexiconEntry{U"kWh", U"kWh", K::kMeasure}, LexiconEntry{U"kW", U"kW", K::kMeasure},
    LexiconEntry{U"MW", U"MW", K::kMeasure}, LexiconEntry{U"kg", U"kg", K::kMeasure},
    LexiconEntry{U"km2", U"km2", K::kMeasure}, LexiconEntry{U"km", U"km", K::kMeasure},
    LexiconEntry{U"cm", U"cm", K::kMeasure}, LexiconEntry{U"mm", U"mm", K::kMeasure},
    LexiconEntry{U"m2", U"m2", K::kMeasure}, LexiconEntry{U"m3", U"m3", K::kMeasure},
    LexiconEntry{U"m", U"m", K::kMeasure}, LexiconEntry{U"t", U"t", K::kMeasure},
    LexiconEntry{U"h", U"h", K::kTime}, LexiconEntry{U"min", U"min", K::kTime},
    LexiconEntry{U"GB", U"GB", K::kMeasure}, LexiconEntry{U"MB", U"MB", K::kMeasure},
    LexiconEntry{U"TB", U"TB", K::kMeasure},
};

bool IsMagnitudeChar(char32_t c) {
  return c == U'万' || c == U'萬' || c == U'亿' || c == U'億' || c == U'千' || c == U'百';
}

double MagnitudeOf(char32_t c) {
  switch (c) {
    case U'百': return 1e2;
    case U'千': return 1e3;
    case U'万': case U'萬': return 1e4;
    default: return 1e8;  // 亿 億
  }
}

// 百分之, 千分之, 百分点, 千米 ...: the magnitude character starts a word.
bool StartsWord(TextView text, std::size_t pos) {
  if (pos + 1 < text.size() && text[pos + 1] == U'分') return true;
  if (auto unit = MatchUnit(text, pos); unit && unit->end > pos + 1) return true;
  return false;
}

}  // namespace

std::optional<UnitMatch> MatchUnit(TextView text, std::size_t pos) {
  const LexiconEntry* best = nullptr;
  for (const LexiconEntry& entry : kLexicon) {
    if (!MatchAt(text, pos, entry.printed)) continue;
    const std::size_t end = pos + entry.printed.size();
    if (IsLatinLetter(entry.printed.back()) && end < text.size() &&
        (IsLatinLetter(text[end]) || IsAsciiDigit(text[end]))) {
      continue;  // "m" of "mg", "h" of "hospital"
    }
    if (best == nullptr || entry.printed.size() > best->printed.size()) best = &entry;
  }
  if (best == nullptr) return std::nullopt;
  return UnitMatch{pos + best->printed.size(), best->unit, best->scale, best->kind};
}

std::optional<Multiplier> MatchMultiplier(TextView text, std::size_t pos) {
  if (pos >= text.size() || !IsMagnitudeChar(text[pos]) || StartsWord(text, pos)) {
    return std::nullopt;
  }
  Multiplier m{pos + 1, MagnitudeOf(text[pos])};
  // A second, larger magnitude: 千万, 百万, 万亿.
  if (m.end < text.size() && IsMagnitudeChar(text[m.end]) && !StartsWord(text, m.end) &&
      MagnitudeOf(text[m.end]) > m.factor) {
    m.factor *= MagnitudeOf(text[m.end]);
    ++m.end;
  }
  return m;
}

std::optional<PerMatch> MatchPerSuffix(TextView text, std::size_t pos) {
  PerMatch match;
  std::size_t i = SkipSpaces(text, pos);
  if (i >= text.size() || text[i] != U'/') return std::nullopt;
  bool in_paren = false;
  for (int guard = 0; guard < 8; ++guard) {
    std::size_t j = SkipSpaces(text, i + 1);  // past the separator
    if (!in_paren && j < text.size() && text[j] == U'(') {
      in_paren = true;
      j = SkipSpaces(text, j + 1);
    }
    auto unit = MatchUnit(text, j);
    if (!unit || unit->kind == UnitKind::kPercent) break;
    match.per.push_back(unit->unit);
    i = SkipSpaces(text, unit->end);
    match.end = unit->end;
    if (in_paren && i < text.size() && text[i] == U')') {
      match.end = i + 1;
      i = SkipSpaces(text, i + 1);
      in_paren = false;
    }
    if (i >= text.size() || (text[i] != U'/' && text[i] != U'·')) break;
  }
  if (match.per.empty()) return std::nullopt;
  return match;
}

std::vector<TextView> PerPrefix(TextView text, std::size_t begin, std::size_t end) {
  std::vector<TextView> per;
  if (end > text.size()) end = text.size();
  for (std::size_t i = begin; i < end && per.size() < 4; ++i) {
    if (text[i] == U'每') {
      auto unit = MatchUnit(text, i + 1);
      if (unit && unit->end <= end && unit->kind != UnitKind::kPercent &&
          unit->kind != UnitKind::kMoney && unit->kind != UnitKind::kPoints &&
          unit->unit != U"个") {
        per.push_back(unit->unit);
        i = unit->end - 1;
      }
      continue;
    }
    if (i + 1 < end && text[i + 1] == U'均') {
      auto unit = MatchUnit(text, i);
      if (unit && unit->end == i + 1 &&
          (unit->kind == UnitKind::kCount || unit->kind == UnitKind::kTime) &&
          unit->unit != U"个") {
        per.push_back(unit->unit);
        ++i;
      }
    }
  }
  return per;
}

}  // namespace jixiao::norm
