// How much does a PDF page show? A cheap look before OCR: is it blank, and
// how much ink is there to read.
//
// Archives hold separator sheets, empty backs of duplex scans and whole
// files of empty pages. Such a page has no text layer, so without this check
// it would be rendered at OCR resolution and handed to Tesseract (seconds
// per page) only to read nothing, and then be reported as unreadable. Here
// the page is rendered small, in grey with anti-aliasing (every mark, even a
// thin one, leaves some grey), and counted: a page is blank only when almost
// no pixel is darker than paper white. The check errs towards "not blank":
// a page that cannot be rendered, a grey scanned background, a speck of
// noise beyond a few pixels all go on to OCR as before.
//
// The same small render measures a page's ink, which is what its OCR costs:
// Tesseract's time grows with the text on the page. Pages of one document
// read on several threads are taken costliest first (pdf_reader.cpp).
#pragma once

#include <optional>

namespace poppler {
class page;
}

namespace jixiao {

// Whether a grey image (8 bits per pixel, 255 = white, rows `stride` bytes
// apart) is blank paper: at most `width * height / 20000` pixels (and at
// least 2 allowed) darker than near-white.
bool GreyImageIsBlank(const unsigned char* pixels, int width, int height, int stride);

// Whether `page` draws nothing visible. The render is at most
// `max_pixels` (and at most about a million) pixels; a page too large to
// render that small, or that fails to render, is not blank.
bool PdfPageIsBlank(const poppler::page& page, long long max_pixels);

// Pixels of dark ink (below 200 of 255) in the same small render as
// PdfPageIsBlank: print, not the grey of scanned paper, which covers whole
// pages of a scan and says nothing of the text on them. nullopt when the
// page cannot be rendered that small.
std::optional<long long> PdfPageInk(const poppler::page& page, long long max_pixels);

// Pixels darker than `below` in a grey image (rows `stride` bytes apart).
long long GreyInkPixels(const unsigned char* pixels, int width, int height, int stride, int below);

}  // namespace jixiao
