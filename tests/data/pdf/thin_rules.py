#!/usr/bin/env python3
"""Writes thin_rules.pdf: a 4 x 3 table whose rules are filled rectangles
0.3 pt thick (as office programs export table borders), Helvetica text."""
import os

rows = [100, 125, 150, 175, 200]
cols = [60, 220, 380, 540]
H = 842
ops = []
for y in rows:
    ops.append("%.2f %.2f %.2f %.2f re f" % (cols[0], H - y - 0.15, cols[-1] - cols[0], 0.3))
for x in cols:
    ops.append("%.2f %.2f %.2f %.2f re f" % (x - 0.15, H - rows[-1], 0.3, rows[-1] - rows[0]))
texts = [["Indicator", "Target", "Actual"], ["Training sessions", "12", "12"],
         ["Coverage rate", "95%", "97%"], ["Satisfaction", "90%", "93%"]]
for r, row in enumerate(texts):
    for c, t in enumerate(row):
        ops.append("BT /F1 10 Tf %.2f %.2f Td (%s) Tj ET" % (cols[c] + 5, H - rows[r] - 17, t))
content = "\n".join(ops).encode()
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]
out = b"%PDF-1.4\n"
offsets = []
for i, o in enumerate(objs):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offsets:
    out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "thin_rules.pdf"), "wb") as f:
    f.write(out)
