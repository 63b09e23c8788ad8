// Decoding and folding: raw UTF-8 bytes -> Text the readers can trust.
//
// DecodeUtf8 rejects ill-formed UTF-8 (overlong forms, encoded surrogates,
// truncated sequences, code points past U+10FFFF) and control characters
// other than whitespace, so no reader ever sees them. Fold applies ICU NFKC
// (full-width digits and punctuation, ideographic space, compatibility
// ideographs) and then the few foldings NFKC leaves out: ≧/≦ -> ≥/≤, the
// many middle dots -> ·, minus and dash variants -> '-', whitespace -> ' '.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "normalize/text.h"

namespace jixiao::norm {

// Code points of `bytes`, or nullopt when the bytes are not well-formed
// UTF-8 or hold a control character other than tab, CR, LF, FF or VT.
std::optional<Text> DecodeUtf8(std::string_view bytes);

// `bytes` as well-formed UTF-8: each ill-formed sequence and each rejected
// control character replaced by U+FFFD, so that kept text can be emitted.
std::string RepairUtf8(std::string_view bytes);

// NFKC plus the extra foldings above. Never fails: if ICU reports an error
// the input is returned with only the extra foldings applied.
Text Fold(TextView text);

// True for the characters Fold turns into a space (ideographic space, tab ...).
bool IsBlank(char32_t c);

// `text` without leading and trailing blanks (IsBlank).
TextView Trim(TextView text);

// `text` without the spaces OCR puts between two Han characters
// (较 上 年 提 高 2 个 百 分 点 -> 较上年提高2个百分点): a word's characters
// never stand apart in print. Spaces next to digits and symbols are kept.
Text JoinSpacedHan(TextView text);

}  // namespace jixiao::norm
