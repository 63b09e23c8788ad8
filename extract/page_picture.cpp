// DrawPages: PDF pages (Poppler) and page images (Leptonica) -> JPEG pictures
// for the review page. The pictures are for the eye only: nothing is read
// from them.
#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "extract/extract.h"
#include "extract/image_pix.h"
#include "extract/pdf_render.h"

namespace jixiao {
namespace {

constexpr int kJpegQuality = 75;
constexpr int kMaxImagePages = 2000;

// `pix` as a JPEG picture of a page of `width_pt` x `height_pt`.
bool Encode(Pix* pix, int page, double width_pt, double height_pt, PagePicture* out) {
  OwnedPix colour(pixConvertTo32(pix));
  if (!colour) return false;
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMemJpeg(&data, &size, colour.get(), kJpegQuality, 0) != 0 || data == nullptr) return false;
  out->page = page;
  out->width_pt = width_pt;
  out->height_pt = height_pt;
  out->width_px = pixGetWidth(colour.get());
  out->height_px = pixGetHeight(colour.get());
  out->jpeg.assign(reinterpret_cast<const char*>(data), size);
  std::free(data);
  return true;
}

bool LooksLikePdf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[1024] = {};
  in.read(head, sizeof head);
  return std::string_view(head, static_cast<size_t>(in.gcount())).find("%PDF-") != std::string_view::npos;
}

Result<std::vector<PagePicture>> DrawPdf(const std::string& path, double dpi, long long max_pixels) {
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_file(path));
  if (!pdf || pdf->is_locked()) return Result<std::vector<PagePicture>>::Error("cannot open the PDF");
  std::vector<PagePicture> pictures;
  for (int i = 0; i < pdf->pages(); ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) continue;
    const PageSize size = DisplayedSize(*page);
    const long long pixels = RenderedPixels(size.width, size.height, dpi);
    if (pixels < 0 || pixels > max_pixels) continue;
    Result<OwnedPix> pix = RenderPage(*page, dpi, RenderUse::kForOcr);
    PagePicture picture;
    if (pix.ok() && Encode(pix.value().get(), i + 1, size.width, size.height, &picture))
      pictures.push_back(std::move(picture));
  }
  return pictures;
}

// One decoded page image, scaled down to `dpi` when it is finer.
bool DrawImagePage(Pix* pix, int page, double dpi, PagePicture* out) {
  const double scan_dpi = ScanDpi(pix);
  const double width_pt = pixGetWidth(pix) * 72.0 / scan_dpi, height_pt = pixGetHeight(pix) * 72.0 / scan_dpi;
  const float factor = static_cast<float>(dpi / scan_dpi);
  OwnedPix scaled(factor < 1.0f ? pixScale(pix, factor, factor) : pixClone(pix));
  return scaled && Encode(scaled.get(), page, width_pt, height_pt, out);
}

Result<std::vector<PagePicture>> DrawImage(const std::string& path, double dpi, long long max_pixels) {
  l_int32 format = IFF_UNKNOWN;
  if (findFileFormat(path.c_str(), &format) != 0 || format == IFF_UNKNOWN)
    return Result<std::vector<PagePicture>>::Error("neither a PDF nor a readable image");
  int count = 1;
  if (IsTiffFormat(format)) {
    FILE* fp = fopenReadStream(path.c_str());
    if (fp == nullptr) return Result<std::vector<PagePicture>>::Error("cannot open the image file");
    l_int32 n = 0;
    const l_int32 rc = tiffGetCount(fp, &n);
    fclose(fp);
    if (rc != 0 || n <= 0) return Result<std::vector<PagePicture>>::Error("corrupt TIFF image");
    count = std::min<int>(n, kMaxImagePages);
  }
  std::vector<PagePicture> pictures;
  for (int i = 0; i < count; ++i) {
    l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, fmt = 0;
    const bool header = IsTiffFormat(format)
                            ? readHeaderTiff(path.c_str(), i, &w, &h, &bps, &spp, &res, &cmap, &fmt) == 0
                            : pixReadHeader(path.c_str(), &fmt, &w, &h, &bps, &spp, &cmap) == 0;
    if (!header || w <= 0 || h <= 0 || static_cast<long long>(w) * h > max_pixels) continue;
    OwnedPix pix(IsTiffFormat(format) ? pixReadTiff(path.c_str(), i) : pixRead(path.c_str()));
    PagePicture picture;
    if (pix && DrawImagePage(pix.get(), i + 1, dpi, &picture)) pictures.push_back(std::move(picture));
  }
  return pictures;
}

}  // namespace

Result<std::vector<PagePicture>> DrawPages(const std::string& path, double dpi, long long max_page_pixels) {
  QuietLeptonica();
  try {
    if (LooksLikePdf(path)) return DrawPdf(path, dpi, max_page_pixels);
    return DrawImage(path, dpi, max_page_pixels);
  } catch (const std::exception& e) {
    return Result<std::vector<PagePicture>>::Error(std::string("cannot draw the pages: ") + e.what());
  }
}

}  // namespace jixiao
