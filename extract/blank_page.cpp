#include "extract/blank_page.h"

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>

namespace jixiao {
namespace {

// 36 dpi: an A4 page is 298 x 421 pixels, rendered in about a millisecond;
// a 5 pt character still covers several pixels.
constexpr double kCheckDpi = 36.0;
constexpr long long kMaxCheckPixels = 1'000'000;
// Below this resolution a mark could fall between pixels' sample points
// even with anti-aliasing; such pages (kilometres wide) are not judged.
constexpr double kMinCheckDpi = 2.0;
// Splash anti-aliases with 4 x 4 samples: a pixel touched by one sample of
// black is 255 * 15 / 16 = 239. Anything darker than paper white is ink.
constexpr int kInkBelow = 240;
// Print is darker than this; the grey of scanned paper and its noise are
// lighter (a scan's page at 36 dpi: a fifth of its pixels below 240, a
// fiftieth below 200 on a page with a few lines of text).
constexpr int kDarkInkBelow = 200;

}  // namespace

bool GreyImageIsBlank(const unsigned char* pixels, int width, int height, int stride) {
  if (pixels == nullptr || width <= 0 || height <= 0 || stride < width) return false;
  const long long allowed = std::max<long long>(2, static_cast<long long>(width) * height / 20000);
  long long ink = 0;
  for (int y = 0; y < height; ++y) {
    const unsigned char* row = pixels + static_cast<long long>(y) * stride;
    for (int x = 0; x < width; ++x)
      if (row[x] < kInkBelow && ++ink > allowed) return false;
  }
  return true;
}

long long GreyInkPixels(const unsigned char* pixels, int width, int height, int stride, int below) {
  if (pixels == nullptr || width <= 0 || height <= 0 || stride < width) return 0;
  long long ink = 0;
  for (int y = 0; y < height; ++y) {
    const unsigned char* row = pixels + static_cast<long long>(y) * stride;
    for (int x = 0; x < width; ++x) ink += row[x] < below ? 1 : 0;
  }
  return ink;
}

namespace {

// Renders `page` small in grey and hands the image to `judge`; nullopt when
// the page cannot be rendered within the budget.
template <typename Judge>
auto JudgeSmallRender(const poppler::page& page, long long max_pixels, Judge judge)
    -> std::optional<decltype(judge(nullptr, 0, 0, 0))> {
  try {
    if (!poppler::page_renderer::can_render()) return std::nullopt;
    const poppler::rectf box = page.page_rect(poppler::crop_box);
    const double area_pt = std::abs(box.width()) * std::abs(box.height());
    if (!(area_pt > 0) || !std::isfinite(area_pt)) return std::nullopt;
    const long long budget = std::min(kMaxCheckPixels, max_pixels);
    if (budget <= 0) return std::nullopt;
    // Pixels = area_pt * (dpi / 72)^2; lower the resolution to stay in budget.
    const double dpi = std::min(kCheckDpi, 72.0 * std::sqrt(static_cast<double>(budget) / area_pt));
    if (!(dpi >= kMinCheckDpi)) return std::nullopt;

    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    const poppler::image img = renderer.render_page(&page, dpi, dpi);
    if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) return std::nullopt;
    // Rounding may add a row or column; anything more means the size was
    // not what the page box promised.
    if (static_cast<long long>(img.width()) * img.height() > 2 * budget + 4096) return std::nullopt;
    return judge(reinterpret_cast<const unsigned char*>(img.const_data()), img.width(), img.height(),
                 img.bytes_per_row());
  } catch (...) {
    // Rendering allocates; a failure here only means "go on as before".
    return std::nullopt;
  }
}

}  // namespace

bool PdfPageIsBlank(const poppler::page& page, long long max_pixels) {
  return JudgeSmallRender(page, max_pixels, GreyImageIsBlank).value_or(false);
}

std::optional<long long> PdfPageInk(const poppler::page& page, long long max_pixels) {
  return JudgeSmallRender(page, max_pixels, [](const unsigned char* pixels, int width, int height, int stride) {
    return GreyInkPixels(pixels, width, height, stride, kDarkInkBelow);
  });
}

}  // namespace jixiao
