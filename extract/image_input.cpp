// ExtractImageFile: PNG / JPEG / TIFF page images -> layout through OcrPage.
//
// The size of every image is read from its header before it is decoded, so
// an image over ExtractOptions::max_page_pixels (a decompression bomb, or a
// poster-size scan) is reported as a problem without allocating it.
#include <leptonica/allheaders.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

#include "extract/image_pix.h"
#include "extract/ocr_page.h"

namespace jixiao {
namespace {

// More pages than this in one TIFF is not a report.
constexpr int kMaxTiffPages = 2000;

std::string PageLabel(int page) { return "page " + std::to_string(page); }

struct PageSource {
  std::string path;
  bool tiff = false;
};

// Decodes page `index` (0-based) of the file.
OwnedPix DecodePage(const PageSource& source, int index) {
  if (source.tiff) return OwnedPix(pixReadTiff(source.path.c_str(), index));
  return OwnedPix(pixRead(source.path.c_str()));
}

// OCR of one decoded page into `doc`; problems are recorded, not returned.
void ReadPage(Pix* pix, int number, const ExtractOptions& options, LayoutDocument* doc) {
  const double dpi = ScanDpi(pix);
  PageInfo info;
  info.page = number;
  info.method = "ocr";
  info.width_pt = pixGetWidth(pix) * 72.0 / dpi;
  info.height_pt = pixGetHeight(pix) * 72.0 / dpi;
  Result<OcrPageResult> ocr = OcrPage(pix, number, dpi, options);
  if (!ocr.ok()) {
    info.confidence = 0;
    doc->problems.push_back(ExtractProblem{FlagCode::kUnreadable, PageLabel(number) + ": OCR failed: " +
                                                             ocr.status().message(), number});
  } else {
    info.confidence = ocr.value().confidence;
    for (Block& b : ocr.value().blocks) doc->blocks.push_back(std::move(b));
  }
  doc->pages.push_back(info);
}

// Header check against the pixel limit; an empty string when the page may
// be decoded, else the problem.
std::string OversizeMessage(long long width, long long height, const ExtractOptions& options) {
  if (width <= 0 || height <= 0) return "image has no pixels";
  const long long pixels = width * height;
  if (options.max_page_pixels > 0 && pixels > options.max_page_pixels)
    return "image too large to OCR (" + std::to_string(width) + " x " + std::to_string(height) +
           " pixels, limit " + std::to_string(options.max_page_pixels) + ")";
  return "";
}

Result<LayoutDocument> ReadTiff(const PageSource& source, const ExtractOptions& options) {
  FILE* fp = fopenReadStream(source.path.c_str());
  if (fp == nullptr) return Result<LayoutDocument>::Error("cannot open the image file");
  l_int32 count = 0;
  const l_int32 rc = tiffGetCount(fp, &count);
  fclose(fp);
  if (rc != 0 || count <= 0) return Result<LayoutDocument>::Error("corrupt TIFF image (no readable page)");
  if (count > kMaxTiffPages)
    return Result<LayoutDocument>::Error("TIFF has too many pages (" + std::to_string(count) + ")");
  LayoutDocument doc;
  int decoded = 0;
  for (int i = 0; i < count; ++i) {
    const int number = i + 1;
    l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
    if (readHeaderTiff(source.path.c_str(), i, &w, &h, &bps, &spp, &res, &cmap, &format) != 0) {
      doc.problems.push_back(ExtractProblem{FlagCode::kUnreadable, PageLabel(number) + ": corrupt TIFF page", number});
      doc.pages.push_back(PageInfo{number, "ocr", 0, 0, 0});
      continue;
    }
    if (std::string why = OversizeMessage(w, h, options); !why.empty()) {
      doc.problems.push_back(ExtractProblem{FlagCode::kUnreadable, PageLabel(number) + ": " + why, number});
      doc.pages.push_back(PageInfo{number, "ocr", 0, 0, 0});
      continue;
    }
    OwnedPix pix = DecodePage(source, i);
    if (!pix) {
      doc.problems.push_back(ExtractProblem{FlagCode::kUnreadable, PageLabel(number) + ": corrupt TIFF page", number});
      doc.pages.push_back(PageInfo{number, "ocr", 0, 0, 0});
      continue;
    }
    ++decoded;
    ReadPage(pix.get(), number, options, &doc);
  }
  if (decoded == 0 && count == 1)
    return Result<LayoutDocument>::Error(doc.problems.empty() ? "corrupt TIFF image"
                                                              : doc.problems.front().message);
  return doc;
}

Result<LayoutDocument> ReadSingle(const PageSource& source, const ExtractOptions& options) {
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeader(source.path.c_str(), &format, &w, &h, &bps, &spp, &cmap) != 0)
    return Result<LayoutDocument>::Error("corrupt or unsupported image (cannot read its header)");
  if (std::string why = OversizeMessage(w, h, options); !why.empty())
    return Result<LayoutDocument>::Error(why);
  OwnedPix pix = DecodePage(source, 0);
  if (!pix) return Result<LayoutDocument>::Error("corrupt image (cannot decode it)");
  if (static_cast<long long>(pixGetWidth(pix.get())) != w || static_cast<long long>(pixGetHeight(pix.get())) != h)
    return Result<LayoutDocument>::Error("corrupt image (size differs from its header)");
  LayoutDocument doc;
  ReadPage(pix.get(), 1, options, &doc);
  return doc;
}

}  // namespace

Result<LayoutDocument> ExtractImageFile(const std::string& path, const ExtractOptions& options) {
  QuietLeptonica();
  try {
    l_int32 format = IFF_UNKNOWN;
    if (findFileFormat(path.c_str(), &format) != 0 || format == IFF_UNKNOWN)
      return Result<LayoutDocument>::Error("not a readable image file");
    PageSource source{path, IsTiffFormat(format)};
    return source.tiff ? ReadTiff(source, options) : ReadSingle(source, options);
  } catch (const std::exception& e) {
    return Result<LayoutDocument>::Error(std::string("image reading failed: ") + e.what());
  } catch (...) {
    return Result<LayoutDocument>::Error("image reading failed");
  }
}

Result<int> CountImagePages(const std::string& path) {
  QuietLeptonica();
  l_int32 format = IFF_UNKNOWN;
  if (findFileFormat(path.c_str(), &format) != 0 || format == IFF_UNKNOWN)
    return Result<int>::Error("not a readable image file");
  if (!IsTiffFormat(format)) return 1;
  FILE* fp = fopenReadStream(path.c_str());
  if (fp == nullptr) return Result<int>::Error("cannot open the image file");
  l_int32 count = 0;
  const l_int32 rc = tiffGetCount(fp, &count);
  fclose(fp);
  if (rc != 0 || count <= 0) return Result<int>::Error("corrupt TIFF image (no readable page)");
  return static_cast<int>(count);
}

}  // namespace jixiao
