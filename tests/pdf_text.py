"""Reading a PDF's text back as a reader of the printed page would: the body of each page,
in order, without the page furniture (the council's name at the top, the footer, "Page X of
Y") or the DRAFT / BLANK mark across it, so a row read back is the same whether or not a
page break falls inside its table."""

import io

from pypdf import PdfReader

# A4 with the margins of templates/pdf/base.html (20 mm at the top, 22 mm at the foot), in
# PDF points from the foot of the page.
TOP = 842 - 20 * 72 / 25.4
FOOT = 22 * 72 / 25.4
MARK_SIZE = 40  # the DRAFT / BLANK mark is set far larger than any text


def body_text(pdf: bytes) -> str:
    """The text of every page's body, whitespace squeezed out."""
    parts = []

    def keep(text, cm, tm, font, size):
        # Where the text is drawn: its matrix times the page's current transformation.
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (cm[2] ** 2 + cm[3] ** 2) ** 0.5 or 1
        if FOOT < y < TOP and size * scale < MARK_SIZE:
            parts.append(text)

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=keep)
    return "".join("".join(parts).split())


def in_order(text: str, labels) -> list[str]:
    """The labels (squeezed) not found in `text` one after another, in their order: []
    when every one is there after the one before it."""
    missing, at = [], 0
    for label in labels:
        found = text.find("".join(label.split()), at)
        if found < 0:
            missing.append(label)
        else:
            at = found + len("".join(label.split()))
    return missing
