// Is a page's text layer worth reading, or must the page be OCRed?
//
// A text layer is unusable when it is empty; when it holds no Chinese and
// only a little text (a scan with a stamped page number or file name); when
// it is mostly U+FFFD, private-use or control characters (fonts without a
// usable ToUnicode map); or when it reads like a poor invisible OCR layer
// (many rare characters outside GB2312, many one-character fragments, stray
// symbols). Documents in scope are Chinese, so the thresholds assume so.
#pragma once

#include <string>
#include <vector>

#include "extract/page_layout.h"

namespace jixiao {

struct TextLayerVerdict {
  bool usable = false;
  double quality = 0;     // 0..1: share of characters that look like real text
  std::string reason;     // why not usable (English, one phrase); empty when usable
};

TextLayerVerdict JudgeTextLayer(const std::vector<Word>& words);

}  // namespace jixiao
