// Reading Chinese numerals: standard (一百二十三, 一千零五, 两万, 十五),
// colloquial (一万二 = 12000), digit-by-digit years (二〇二三), decimals with
// 点 (三点五), and financial numerals (壹拾贰万叁仟, 萬).
//
// Digit and place values come from ICU (u_getNumericValue); only a fixed set
// of characters is admitted, because ICU also gives numeric values to
// ordinary words' characters (参, 什, 兆 ...). 两 has no ICU value and reads 2.
#pragma once

#include <cstddef>
#include <optional>

#include "normalize/number_token.h"
#include "normalize/text.h"

namespace jixiao::norm {

// 0-9 for a Chinese digit (〇 零 一 ... 九 两, 壹 ... 玖), nullopt otherwise.
std::optional<int> ChineseDigit(char32_t c);

// 10, 100, 1000, 1e4 or 1e8 for a place word (十拾 百佰 千仟 万萬 亿億).
std::optional<double> ChinesePlace(char32_t c);

// True when a Chinese numeral may start at `pos` (a digit, or 十/拾).
bool CanStartChineseNumber(TextView text, std::size_t pos);

// Reads the longest well-formed Chinese numeral starting exactly at `pos`.
// Place words (万, 亿) are part of the numeral: 二十万 reads 200000.
// nullopt when the characters there do not form a numeral.
std::optional<NumberToken> ReadChineseNumber(TextView text, std::size_t pos);

}  // namespace jixiao::norm
