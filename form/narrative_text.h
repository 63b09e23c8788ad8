// Internal to the narrative parser: paragraphs as code points, sentences,
// and the figures a sentence prints.
//
// A Paragraph keeps its lines (for label lines and date lines, which stand
// alone) and the lines joined without a separator (for sentences, which
// converters wrap at any character). `folded` is the joined text with
// full-width digits, '．', '％' and ideographic spaces folded to ASCII, one
// code point for one code point, so offsets into it are offsets into `text`
// and raw figures are cut from `text` as printed.
//
// A Figure is a numeral and the unit printed after it ("1973.55万元",
// "89%", "7 名", "壹仟玖佰柒拾叁万伍仟伍佰元整"); its Value comes from
// Normalize() of exactly that text, located at the paragraph. Numerals that
// are part of a date (2022 年 6 月), an ordinal (第3), a document number
// (〔2021〕14 号) or a list marker (1. / （1）) are not figures.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/layout.h"
#include "model/utf8.h"

namespace jixiao::narrative {

bool IsSpaceChar(char32_t c);       // ASCII space/tab, U+3000, U+00A0
bool IsAsciiDigitChar(char32_t c);
// Clause delimiters: ，,；;。！？!?：:、 and line ends.
bool IsClauseDelimiter(char32_t c);
// Sentence ends: 。；;！？!?
bool IsSentenceEnd(char32_t c);

// Trims spaces (as IsSpaceChar) at both ends.
std::u32string Trim(std::u32string_view text);
// Removes every space (as IsSpaceChar).
std::u32string RemoveSpaces(std::u32string_view text);

bool Contains(std::u32string_view text, std::u32string_view word);
bool StartsWith(std::u32string_view text, std::u32string_view word);
bool EndsWith(std::u32string_view text, std::u32string_view word);
bool ContainsAny(std::u32string_view text, std::initializer_list<std::u32string_view> words);

// Folds full-width digits, '．', '％', '－', '／' and U+3000 to ASCII, one
// code point for one. The full-width comma is left alone: Chinese text uses
// it between clauses, never inside a number.
std::u32string FoldForScan(std::u32string_view text);

struct Paragraph {
  std::vector<std::u32string> lines;  // trimmed, non-empty, in order
  std::u32string text;                // lines joined without a separator
  std::u32string folded;              // FoldForScan(text)
  Location where;
  double confidence = 1.0;
};

Paragraph MakeParagraph(const Block& block);

struct Sentence {
  std::u32string_view text;     // a view into the paragraph's `text`
  std::u32string_view folded;   // the same span of `folded`
  std::size_t paragraph = 0;    // index into the paragraph list
  std::size_t offset = 0;       // start within the paragraph's text
};

// Splits at 。；！？ (kept at the end of the sentence); never returns an
// empty or all-space sentence.
std::vector<Sentence> SplitSentences(const Paragraph& paragraph, std::size_t index);

enum class FigureKind { kMoney, kPercent, kScore, kCount, kBare };

struct Figure {
  std::size_t begin = 0;        // [begin, end) in the sentence: numeral + unit
  std::size_t end = 0;
  std::size_t numeral_end = 0;  // where the unit starts
  std::u32string unit;          // unit as scanned ("万元", "元", "%", "人", "分" ...)
  FigureKind kind = FigureKind::kBare;
  bool chinese = false;         // written in Chinese or financial numerals
  bool negative = false;        // printed with a minus sign
  Value value;                  // Normalize(raw); number is set
};

// The figures of one sentence in order. Values carry `where` and
// `confidence`; figures Normalize() cannot read are left out.
std::vector<Figure> ScanFigures(const Sentence& sentence, const Location& where, double confidence);

// A date printed in a sentence or line: YYYY年M月D日, YYYY年M月, YYYY年M月底,
// YYYY 年 M 月 日 (blank day), YYYY.M.D.
struct DateSpan {
  std::size_t begin = 0;
  std::size_t end = 0;          // after 日 / 月 / 底
  int year = 0;
  int month = 0;
  int day = 0;                  // 0 = not printed
  bool month_end = false;       // 月底
};
std::vector<DateSpan> ScanDates(std::u32string_view folded);

// The clause text before `pos`: back to the previous clause delimiter, the
// end of the previous figure (`floor`) or the sentence start.
std::u32string_view ClauseBefore(std::u32string_view text, std::size_t pos, std::size_t floor);

// The figure's printed text from the sentence, as UTF-8.
std::string RawOf(const Sentence& sentence, std::size_t begin, std::size_t end);

}  // namespace jixiao::narrative
