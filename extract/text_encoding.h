// Text input bytes -> UTF-8, the character set told or detected with ICU.
//
// Detection: a byte-order mark first (UTF-8, UTF-16LE/BE); then valid UTF-8
// is UTF-8; then UTF-16 without a mark (bytes with NULs that read, in one
// byte order, as well-formed UTF-16 of which at least 95 % are characters
// Chinese report text is made of); then ICU's charset detector (ucsdet), of whose guesses the
// first that is a Chinese or Unicode encoding and decodes the bytes without
// error is taken: GB18030 (which covers GBK and GB2312), Big5, UTF-16.
// Conversion is strict (ucnv with the stop callback): a byte sequence the
// encoding does not define is an error, never a silent U+FFFD.
// Thread-safe (each call opens its own converters).
#pragma once

#include <string>
#include <string_view>

#include "model/status.h"

namespace jixiao {

struct DecodedText {
  std::string utf8;      // without a byte-order mark
  std::string encoding;  // canonical name: "UTF-8", "UTF-16LE", "GB18030", "Big5", ...
};

// Whether the first bytes of a file may be UTF-16 text (a UTF-16 BOM, or
// NULs in bytes that read as report text in one byte order). Never true for bytes that
// start like a PDF or an image: those are sniffed before this is asked.
bool LooksLikeUtf16(std::string_view head);

// `forced`: an ICU converter name ("GBK", "gb18030", "UTF-16LE", "Big5");
// empty to detect. Errors are one line without the file name.
Result<DecodedText> DecodeText(std::string_view bytes, const std::string& forced);

}  // namespace jixiao
