#include "extract/pdf_render.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cmath>
#include <cstring>
#include <utility>

namespace jixiao {

PageSize DisplayedSize(const poppler::page& page) {
  const poppler::rectf r = page.page_rect(poppler::crop_box);
  PageSize s{std::abs(r.width()), std::abs(r.height())};
  const poppler::page::orientation_enum o = page.orientation();
  if (o == poppler::page::landscape || o == poppler::page::seascape) std::swap(s.width, s.height);
  return s;
}

long long RenderedPixels(double width_pt, double height_pt, double dpi) {
  const double w = std::ceil(width_pt * dpi / 72.0), h = std::ceil(height_pt * dpi / 72.0);
  if (!(w > 0) || !(h > 0) || !std::isfinite(w * h)) return -1;
  return static_cast<long long>(w) * static_cast<long long>(h);
}

Result<OwnedPix> RenderPage(const poppler::page& page, double dpi, RenderUse use, int quarter_turns) {
  if (!poppler::page_renderer::can_render()) return Result<OwnedPix>::Error("Poppler was built without a renderer");
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_rgb24);
  if (use == RenderUse::kForOcr) {
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  } else {
    renderer.set_line_mode(poppler::page_renderer::line_solid);
  }
  // Poppler turns clockwise.
  static constexpr poppler::rotation_enum kClockwise[4] = {poppler::rotate_0, poppler::rotate_270,
                                                           poppler::rotate_180, poppler::rotate_90};
  poppler::image img = renderer.render_page(&page, dpi, dpi, -1, -1, -1, -1, kClockwise[quarter_turns & 3]);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0)
    return Result<OwnedPix>::Error("page could not be rendered");
  const int w = img.width(), h = img.height();
  OwnedPix pix(pixCreate(w, h, 32));
  if (!pix) return Result<OwnedPix>::Error("out of memory rendering the page");
  pixSetResolution(pix.get(), static_cast<l_int32>(std::lround(dpi)), static_cast<l_int32>(std::lround(dpi)));
  const char* src = img.const_data();
  const int stride = img.bytes_per_row();
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < h; ++y) {
    const unsigned char* row = reinterpret_cast<const unsigned char*>(src + static_cast<long long>(y) * stride);
    l_uint32* line = data + static_cast<long long>(y) * wpl;
    for (int x = 0; x < w; ++x) {
      l_uint32 px = 0;
      composeRGBPixel(row[3 * x], row[3 * x + 1], row[3 * x + 2], &px);
      line[x] = px;
    }
  }
  return pix;
}

}  // namespace jixiao
