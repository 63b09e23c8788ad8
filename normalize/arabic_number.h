// Reading numbers printed with Arabic digits, as forms and OCR print them.
//
// Accepts thousands separators (1,234,567 and space groups of three), one
// decimal point, digits spaced apart by OCR (9 5 %, 1 1 0), and the letters
// OCR confuses with digits inside a digit run: O/o for 0, l/I for 1, and a
// leading | for 1 (1OO, l00, |00). Letters that belong to a Latin word
// (DIP, COVID) are never read as digits. No sign handling: the caller looks
// at the character before.
#pragma once

#include <cstddef>
#include <optional>

#include "normalize/number_token.h"
#include "normalize/text.h"

namespace jixiao::norm {

// More digits than this and the reading is refused (kTooLong): a double holds
// about 15-17 significant digits, and no figure on a form is longer.
inline constexpr int kMaxDigits = 18;

// True when an Arabic number may start at `pos`: a digit, or a letter OCR
// confuses with 1 that is not part of a Latin word.
bool CanStartArabicNumber(TextView text, std::size_t pos);

// Reads the number that starts exactly at `pos`. On failure returns nullopt
// and sets *issue (never null) to say whether the text looked like a
// mangled number (kMangled, kTooLong) or simply is not one (kNone);
// *resume is set to a position past the run that was examined (> pos).
std::optional<NumberToken> ReadArabicNumber(TextView text, std::size_t pos, NumberIssue* issue,
                                            std::size_t* resume);

// Reads a plain run of digits (OCR letters allowed, no separators, no
// decimal point) starting at `pos`, for the parts of a date. nullopt when
// there is no digit at `pos` or the run holds more than `max_digits`.
std::optional<NumberToken> ReadDigitRun(TextView text, std::size_t pos, int max_digits);

// True for the letters OCR prints in place of digits and that are not
// otherwise read (S for 5, B for 8, Z for 2 ...): seeing one glued to digits
// means the figure is mangled.
bool IsConfusableLetter(char32_t c);

}  // namespace jixiao::norm
