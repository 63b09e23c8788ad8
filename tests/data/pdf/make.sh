#!/bin/sh
# Regenerates the test PDFs of the text-layer reader from the HTML sources.
# Needs (only to regenerate; the tests use the committed PDFs):
#   apt-get install chromium qpdf fonts-wqy-zenhei
set -eu
cd "$(dirname "$0")"

print_pdf() {
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$1.pdf" "$1.html" 2>/dev/null
}

# Bordered tables with rowspan/colspan, paragraphs, a centred title.
print_pdf merged
# merged.html with a red seal (vector shapes) over the table.
print_pdf seal
# A4 landscape via @page.
print_pdf landscape
# A table without any borders (read from alignment).
print_pdf borderless
# One table over three pages: repeated <thead>, a rowspan cell over a break.
print_pdf longtable
# A text layer of private-use characters only (unusable -> OCR).
print_pdf pua
# A page with a drawn box and no text at all.
print_pdf blank

# Rules drawn as 0.3 pt filled rectangles, written by hand.
python3 thin_rules.py

# merged.pdf drawn sideways and shown upright by /Rotate 90 (as scanners
# and some printers write landscape pages).
qpdf --rotate=-90:1 merged.pdf rotated_tmp1.pdf
qpdf --flatten-rotation rotated_tmp1.pdf rotated_tmp2.pdf
qpdf --rotate=+90:1 rotated_tmp2.pdf rotated.pdf
rm -f rotated_tmp1.pdf rotated_tmp2.pdf
# merged.pdf drawn sideways (turned clockwise) with no /Rotate at all.
qpdf --rotate=+90:1 merged.pdf sideways_tmp.pdf
qpdf --flatten-rotation sideways_tmp.pdf sideways.pdf
rm -f sideways_tmp.pdf
# Encrypted: with a user password (cannot open) and owner-only (opens).
qpdf --encrypt secret owner 256 -- landscape.pdf encrypted_user.pdf
qpdf --encrypt '' owner 256 -- landscape.pdf encrypted_owner.pdf
# Truncated after the first objects; not a PDF at all.
head -c 1500 merged.pdf > truncated.pdf
printf 'This is not a PDF, only text with a .pdf name.\n' > not_a_pdf.pdf
# A zero-byte file.
: > empty.pdf
